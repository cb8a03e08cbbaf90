"""Swedish never-use terms, and the termbase data files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scripts.checker.terms import compile_entry
from tests.checker.conftest import only

SV = "docs/sv/help.md"
DATA = Path(__file__).resolve().parents[2] / "scripts" / "checker" / "data"


def add(project, text: str) -> None:
    project.append(SV, "\n" + text + "\n")  # lands on line 18


@pytest.mark.parametrize("word", ["urladdning", "Urladdningen", "urladdningar"])
def test_a_never_use_word_and_its_inflected_forms(project, word):
    add(project, f"Efter {word} får barnet en plan.")
    only(project.check(), f"{SV}:18: terms/never-use: '{word}' is on the never-use list (urladdning: means an electrical discharge, not leaving hospital): write utskrivning (från sjukhuset); skrivas ut")


def test_a_phrase_over_two_lines(project):
    add(project, "Vi har en gemenskap\nCETR i dag.")
    result = project.check()
    assert result.lines == [f"{SV}:18: terms/never-use: 'gemenskap CETR' is on the never-use list (gemenskap CETR: a word-for-word translation of \"community\"): write community CETR – CETR som hålls innan barnet eventuellt läggs in"]


def test_only_whole_words(project):
    add(project, "Hon är stolt. Han har en rullstol.")  # 'stol' (for chair) is never-use, but not inside these words
    assert project.check().lines == []
    project.replace(SV, "Hon är stolt.", "Hon sitter på en stol.")
    assert project.check().lines[0].startswith(f"{SV}:18: terms/never-use: 'stol' is on the never-use list")


def test_an_allowed_phrase(project):
    add(project, "Ett utmanande beteende är inte barnets fel.")
    assert project.check().lines == []


def test_utmanande_alone_is_never_use(project):
    add(project, "Mötet ska vara utmanande.")
    assert [line.split(": ")[1] for line in project.check().lines] == ["terms/never-use"]


def test_case_sensitive_entries(project):
    add(project, "Familjen kan få en personlig budget.")
    assert project.check().lines == []
    project.replace(SV, "personlig budget", "personlig Budget")
    assert "'personlig Budget' is on the never-use list" in project.check().lines[0]


def test_letters_in_code_blocks_and_link_addresses_are_not_checked(project):
    add(project, "```text\nurladdning\n```\n\nLäs [mer om utskrivning](https://example.org/urladdning/).")
    assert project.check().lines == []


def test_the_title_is_checked(project):
    project.replace(SV, "title: Var du får hjälp", "title: Om urladdning")
    assert project.check().lines[0].startswith(f"{SV}:2: terms/never-use: 'urladdning'")


def test_english_pages_are_not_checked(project):
    project.append("docs/en/help.md", "\nThe word urladdning is Swedish.\n")
    assert project.check().lines == []


# --- Calques from the Swedish review of December 2026 (issue 13): each found, with its better phrase ---

NAMNGIVEN = "write en ansvarig person, den som ansvarar för åtgärden; en fast kontaktperson (keyworker); en bestämd elevassistent"


@pytest.mark.parametrize(
    "sentence, found, term_and_why, use_instead",
    [
        ("Varje åtgärd har en namngiven person.", "namngiven",
         'namngiven (for named): a word-for-word translation of "named person"; Swedish says who is responsible', NAMNGIVEN),
        ("Fråga den namngivna personen.", "namngivna",
         'namngiven (for named): a word-for-word translation of "named person"; Swedish says who is responsible', NAMNGIVEN),
        ("Hen ser till att ni blir lyssnade på.", "blir lyssnade på",
         'bli lyssnad på: a word-for-word translation of "be listened to"', "write bli hörd; få gehör"),
        ("Det kan hjälpa dig att bli lyssnad på.", "bli lyssnad på",
         'bli lyssnad på: a word-for-word translation of "be listened to"', "write bli hörd; få gehör"),
        ("Ring om du inte kan hålla ditt barn, dig själv eller andra i säkerhet.", "hålla ditt barn, dig själv eller andra i säkerhet",
         'hålla … i säkerhet: a word-for-word translation of "keep … safe"', "write skydda (ditt barn, dig själv eller andra)"),
        ("4. **Få kostnadsfri rådgivning.**", "Få kostnadsfri",
         'Få … (imperative for Get …): an anglicism; Swedish does not tell the reader to "get" something',
         "write Akut hjälp; Sök hjälp; Ta hjälp av …; Så får du …"),
        ("## Dina rättigheter till uppgifterna", "rättigheter till uppgifterna",
         "rättigheter till uppgifterna: sounds as if the reader owns the data", "write rättigheter när det gäller uppgifterna"),
        ("Lagen ger dig rättigheter till personuppgifter.", "rättigheter till personuppgifter",
         "rättigheter till uppgifterna: sounds as if the reader owns the data", "write rättigheter när det gäller uppgifterna"),
        ("Då ger dataskyddslagen dig rättigheter.", "dataskyddslagen",
         "dataskyddslagen: the Swedish Act (2018:218); in England UK GDPR and the Data Protection Act 2018 apply",
         "write dataskyddsreglerna (UK GDPR och Data Protection Act 2018)"),
        ("Ge två eller tre verkliga exempel.", "verkliga exempel",
         'verkliga exempel: a word-for-word translation of "real examples"', "write konkreta exempel"),
    ],
)
def test_a_calque_from_the_review_is_found_with_its_better_phrase(project, sentence, found, term_and_why, use_instead):
    add(project, sentence)
    only(project.check(), f"{SV}:18: terms/never-use: '{found}' is on the never-use list ({term_and_why}): {use_instead}")


@pytest.mark.parametrize(
    "right",
    [
        "Ring om du inte kan skydda ditt barn, dig själv eller andra.",
        "Hen ser till att ni blir hörda.",
        "Är ditt barn tryggt och i säkerhet?",  # termbase 15: the right words for "Is the person safe?"
        "Så får du hjälp. Du kan få kostnadsfri rådgivning.",
        "Dina rättigheter när det gäller uppgifterna. Du har rätt till en advocate.",
        "Dataskyddsreglerna (UK GDPR) ger dig rättigheter.",
        "Ge två eller tre konkreta exempel. Den som ansvarar för åtgärden ringer dig.",
        "Få områden har en sådan regel. Få familjer vet det.",  # Få = few, not the imperative
    ],
)
def test_the_better_phrases_pass(project, right):
    add(project, right)
    assert project.check().lines == []


def test_hålla_i_säkerhet_is_found_within_one_sentence_only(project):
    add(project, "Personalen ska hålla dig informerad. Barnet är i säkerhet nu.")
    assert project.check().lines == []


# --- One Swedish name for NHS England's 2023 policy (terms/document-name) -------------------------

DOCUMENT_NAME = ("NHS England's 2023 DSR and C(E)TR policy has one Swedish name on this site: write riktlinjerna från 2023 "
                 "(NHS Englands riktlinjer från 2023; the 2017 document is riktlinjerna från 2017)")


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("Det står i 2023 års policy från NHS England.", "policy"),
        ("Policyn från 2017 angav också ett datum.", "Policyn"),
        ("Det står i 2023 års riktlinjer.", "2023 års riktlinjer"),
    ],
)
def test_another_name_for_the_2023_document_is_an_error(project, sentence, found):
    add(project, sentence)
    only(project.check(), f"{SV}:18: terms/document-name: '{found}': {DOCUMENT_NAME}")


def test_the_one_name_and_the_english_title_pass(project):
    add(project, "Det står i riktlinjerna från 2023. De heter på engelska ”Dynamic support register and Care (Education) "
                 "and Treatment Review policy and guide”. Läs ICB:ns integritetspolicy.")
    assert project.check().lines == []


def test_the_document_name_is_only_checked_on_swedish_pages(project):
    project.append("docs/en/help.md", "\nThe 2023 policy says so.\n")
    assert project.check().lines == []


def test_every_rule_id_of_the_module_is_in_its_registry():
    """RULES is the module's registry: each rule id it reports, its severity and a one-line summary."""
    from scripts.checker import terms

    module = Path(terms.__file__).read_text(encoding="utf-8")
    module = re.sub(r"\nRULES = \{.*?\n\}\n", "\n", module, flags=re.S)  # the ids the code reports, not the registry itself
    source = module + (Path(terms.__file__).parent / "load.py").read_text(encoding="utf-8")
    reported = set(re.findall(r'"(terms/[a-z-]+)"', source))
    assert set(terms.RULES) == reported
    for rule, (severity, summary) in terms.RULES.items():
        assert severity in ("error", "warning") and summary.strip() and "\n" not in summary, rule


# --- The data files ----------------------------------------------------------------------------

def test_the_never_use_list_loads_and_is_well_formed():
    data = yaml.safe_load((DATA / "swedish-never-use.yml").read_text(encoding="utf-8"))
    entries = data["never_use"]
    assert len(entries) >= 22  # at least the quick list of swedish.md section 2.7
    allowed = {"term", "why", "use_instead", "match", "allow", "case_sensitive", "regex", "source"}
    for entry in entries:
        assert set(entry) <= allowed, entry
        for key in ("term", "why", "use_instead", "source"):
            assert isinstance(entry.get(key), str) and entry[key].strip(), (entry, key)
        assert ("match" in entry) != ("regex" in entry), entry
        if "match" in entry:
            assert entry["match"] and all(isinstance(p, str) and p.strip() for p in entry["match"]), entry
        compile_entry(entry)
    terms = [entry["term"].casefold() for entry in entries]
    assert len(terms) == len(set(terms)), "a term is listed twice"


def test_every_never_use_entry_finds_its_own_term():
    """Each entry's first match phrase, written out, is found by the entry (a typo in a pattern fails)."""
    data = yaml.safe_load((DATA / "swedish-never-use.yml").read_text(encoding="utf-8"))
    for entry in data["never_use"]:
        if "match" not in entry:
            continue
        sample = entry["match"][0].replace("*", "")
        compiled = compile_entry(entry)
        text = sample if compiled.case_sensitive else sample.lower()
        assert any(p.search(text) for p in compiled.patterns), entry["term"]


def test_the_quick_list_of_section_2_7_is_covered():
    data = yaml.safe_load((DATA / "swedish-never-use.yml").read_text(encoding="utf-8"))
    text = " ".join(entry["term"] for entry in data["never_use"]).casefold()
    for term in ["urladdning", "antagning", "släppa in", "gemenskap cetr", "slutenvård cetr", "post-antagning", "kommissionär",
                 "advokat", "skicka", "nyckelarbetare", "ungdomsbrottslag", "virtuell skola", "mentalsjukhus", "inlärningssvårigheter",
                 "utvecklingsstörd", "bostadsplacering", "rättigheter led", "levande liv", "utmanande", "är jag säker?", "personlig budget", "’ … ’"]:
        assert term in text, term


def test_the_termbase_loads_and_is_well_formed():
    data = yaml.safe_load((DATA / "swedish-termbase.yml").read_text(encoding="utf-8"))
    terms = data["terms"]
    assert [entry["id"] for entry in terms] == list(range(1, 136))
    for entry in terms:
        assert set(entry) == {"id", "section", "english", "swedish", "avoid", "notes"}, entry
        assert entry["english"].strip() and entry["swedish"].strip(), entry
        assert re.match(r"^2\.[1-6] ", entry["section"]), entry
    english = [entry["english"].casefold() for entry in terms]
    assert len(english) == len(set(english)), "an English term is listed twice"


def test_spaced_single_quotes_are_wrong_but_a_quote_inside_a_quote_is_right(project):
    project.append("docs/sv/help.md", "\nDe kallar det ’ Key Lines Of Enquiry ’ i rapporten.\n")
    result = project.check()
    assert result.code == 1 and len(result.lines) == 1 and "terms/never-use" in result.lines[0] and "’ … ’" in result.lines[0]
    project.replace("docs/sv/help.md", "’ Key Lines Of Enquiry ’", "”Hon sa ’nej’ till mig”")
    assert project.check().lines == []


def test_a_never_use_list_that_is_not_yaml(project, tmp_path, monkeypatch):
    from scripts.checker import load

    broken = tmp_path / "swedish-never-use.yml"
    broken.write_text("entries:\n  - term: [urladdning\n", encoding="utf-8")
    monkeypatch.setattr(load, "NEVER_USE_FILE", broken)
    result = project.check()
    assert result.lines == ["scripts/checker/data/swedish-never-use.yml:2: terms/invalid-data: not valid YAML: "
                            "a [ opens here and never closes: end it with ], or put the value in quotes"]


def test_a_never_use_word_in_the_swedish_abbreviations(project):
    project.write("includes/abbreviations/sv.md", "*[CETR]: Care, Education and Treatment Review\n*[ICB]: en advokat hjälper dig\n")
    only(project.check(), "includes/abbreviations/sv.md:2: terms/never-use: 'advokat' is on the never-use list (advokat (for advocate): "
                          "advokat is a protected title for lawyers; an advocate is not a lawyer): write advocate – oberoende stödperson")


def test_termbase_42_secure_covers_low_and_medium_secure():
    """'secure' is low, medium and high secure: 'hög säkerhet' sent readers to the wrong interval (review 2026-12)."""
    terms = {entry["id"]: entry for entry in yaml.safe_load((DATA / "swedish-termbase.yml").read_text(encoding="utf-8"))["terms"]}
    secure = terms[42]["swedish"]
    assert "säkerhetsavdelning" in secure and "low, medium" in secure
    assert "med hög säkerhet" not in secure


def test_termbase_and_never_use_list_agree_on_inlärningssvårigheter():
    """The never-use list wins: the termbase never offers inlärningssvårigheter as Swedish to use."""
    terms = yaml.safe_load((DATA / "swedish-termbase.yml").read_text(encoding="utf-8"))["terms"]
    assert [entry["id"] for entry in terms if "inlärningssvårighet" in entry["swedish"].casefold()] == []
    assert "inlärningssvårigheter" in next(entry for entry in terms if entry["id"] == 91)["avoid"]
