"""Our page scripts (mkdocs.yml's extra_javascript: docs/assets/plan-*.js) as one file, assets/plan.js.

Every page loaded seven scripts of ours (nine now), each its own <script defer> tag (60 bytes apiece on a task page, a
province has 50,000 pages) and its own request on a reader's first page. They are joined into one file in
mkdocs.yml's order, which every page loads instead; each is a self-contained function expression, so
joined they run as they ran one after another. Each runs in its own try block (ISOLATE): an error while one
runs (a feature an old phone's browser lacks) would otherwise stop every script after it in the file, where
as separate files only that one stopped; the error is thrown again on its own, so the console still shows it.
The files stay in the site as they are (the national search page loads plan-search.js alone:
bench/national.py), and stay the sources: mkdocs.yml names them, and `mkdocs serve` joins them again at
every build.

Only plain scripts of docs/ are joined (no `type`, no `async`: those would change how a script runs); if
mkdocs.yml names any other, the scripts are left as they are.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files

from plansite.addresses import ASSETS

BUNDLE = f"{ASSETS}/plan.js"
ISOLATE = "/* {path} */\ntry {{\n{source}\n;\n}} catch (error) {{ setTimeout(function () {{ throw error; }}); }}\n"


def join(config, files: Files) -> None:
    """The joined file (BUNDLE) written from the scripts of `config.extra_javascript`, and made the only one of them
    that pages load (called from on_env: after on_files, before any page or static file is written)."""
    sources = []
    for script in config.extra_javascript:
        path = str(script)
        if isinstance(script, ExtraScriptValue) and (script.type or script.async_):
            return
        file = files.get_file_from_path(path)
        if file is None or file.abs_src_path is None:
            return
        sources.append((path, Path(file.abs_src_path).read_text(encoding="utf-8")))
    if len(sources) < 2:
        return
    text = "".join(ISOLATE.format(path=path, source=source.rstrip()) for path, source in sources)
    files.append(File.generated(config, BUNDLE, content=text))
    config.extra_javascript = [BUNDLE]
