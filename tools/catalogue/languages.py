"""The languages saleskpi speaks, listed once: the catalogue's texts, the workbook and its
files, the office's UI in the tests and the screenshots all take them from here."""
from typing import NamedTuple


class Language(NamedTuple):
    code: str    # the key of the catalogue's texts (summary["nl"]) and of a workbook's language
    ui: str      # LibreOffice's UI language that shows it: CalcAddIns.xcu's xml:lang, ooLocale, $(vlang)
    locale: str  # a document's locale in it (dc:language, number formats, the system locale)
    suffix: str  # of the file names in it: examples/team-kpis{suffix}.fods, team-kpis{suffix}.ots


# English first: the default everywhere.
LANGUAGES = {language.code: language for language in (
    Language("en", ui="en-US", locale="en-US", suffix=""),
    Language("nl", ui="nl", locale="nl-NL", suffix="-nl"),
)}
