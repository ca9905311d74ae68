"""The language of every message an editor reads: Vietnamese, from a gettext catalogue kept in the
repository (locale/vi/LC_MESSAGES/plansite.po); English, the catalogue's msgids, for developers only.

    PLANSITE_LANG=en make check      # the one developer switch; anything else (or unset) is Vietnamese

Messages are written in English in the code, as templates with named fields, and translated when
they are shown:

    _("Expected {expected} but received {found}.").format(expected=..., found=...)

`N_` marks a text that is translated later (a class attribute, a table at import time). The .po file
is read with Babel and compiled in memory on first use: no compiled .mo file to go stale, no network,
and the same catalogue gives the same bytes. `make messages` extracts the msgids from the code and
adds new ones to the .po (tests/test_messages.py fails, listing them, until each is translated).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gettext
import io
import os
from pathlib import Path

DOMAIN = "plansite"
LANG_ENV = "PLANSITE_LANG"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEVELOPER_LANGUAGE = "en"  # the msgids themselves
EDITOR_LANGUAGE = "vi"


def language() -> str:
    """'en' when the developer switch asks for English, else 'vi' (what editors read)."""
    return DEVELOPER_LANGUAGE if os.environ.get(LANG_ENV, "").strip().lower() == DEVELOPER_LANGUAGE else EDITOR_LANGUAGE


def po_path(lang: str = EDITOR_LANGUAGE) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang`, compiled in memory; English is the msgids (no catalogue). Fuzzy and
    empty entries are left out, so an untranslated message shows in English rather than blank."""
    if lang == DEVELOPER_LANGUAGE:
        return gettext.NullTranslations()
    # Imported here: ~0.1 s that a build which has nothing to say never pays.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """`message` (an English msgid) in the reader's language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural template for `count`, in the reader's language."""
    return translations(language()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it yet (it is translated where shown)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair for the catalogue (`make messages` extracts both), translated by `ngettext`."""
    return singular, plural


def named(ident: str, label: str) -> str:
    """An id with its Vietnamese label, as messages show a value of a vocabulary: in Vietnamese
    "thường xuyên (`ongoing`)", in English "'ongoing' (thường xuyên)"."""
    return _("'{id}' ({label})").format(id=ident, label=label[:1].lower() + label[1:])


# argparse's own messages that a person at the command line can meet (Python 3.11's wording), so that
# its usage errors and --help speak the reader's language too (see `argparse_in_language`).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
ARGPARSE_PLURALS = (N_plural("expected %s argument", "expected %s arguments"),)


@contextlib.contextmanager
def argparse_in_language():
    """argparse speaking the reader's language while a parser is built and parses: argparse calls the
    module-level `_` and `ngettext` it imported from gettext, so those two names are swapped, and put back."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _, ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
