/* Material 9.8.2's storage helpers (its partials/javascripts/base.html), from a file the browser caches rather
 * than 330 bytes of inline script in every page (overrides/partials/javascripts/base.html says when). Loaded
 * deferred from <head>, so it runs before Material's bundle, the first to use them. The scope is the site's
 * root, as Material's page-relative base_url gives it: this file is in the root's assets/. */
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
