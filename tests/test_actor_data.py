"""Converted actor data (Phoenix, US Congress), in-document evidence for people no list knows, sectors of
companies and attorneys general, unresolved named participants, and the user dictionary from the CLI.

All texts are invented for these tests; the converter runs on small synthetic dictionaries written here.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.models import Article

ROOT = Path(__file__).resolve().parent.parent

PHOENIX_COUNTRIES = """\
# synthetic CountryInfo-style entries
FRANCE_  [FRA]
+FRENCH_
JEAN_TESTARD_  # CountryInfo.txt
+JEAN_P._TESTARD_
+PRESIDENT_TESTARD_
+TESTARD_
\t[FRAELI 700101-950517]
\t[FRAGOV 950517-070516]
\t[FRAELI]
FRENCH_TEST_GENDARMERIE_
+TEST_GENDARMERIE_
\t[FRACOP]
"""

PHOENIX_INTERNATIONAL = """\
GLOBAL_TEST_FOUNDATION_\t[NGOHRI]# NGO_Actors
ACME_WIDGETS_CORPORATION_\t[MNCUSA]# NGO_Actors
MARIE_EXAMPLE_\t[IGOUNO 990101-041231] [ELI]# IGOrulers.txt
"""

PHOENIX_NONSTATE = """\
ALLIED_TEST_FRONT_ [FRAREB] # synthetic
+ATF_
"""

PHOENIX_AGENTS = """\
!PERSON! = MAN, WOMAN
BUSINESS!PERSON! [~BUS]
ATTORNEY_GENERAL [~GOV]
REBEL {REBELS} [~REB]
"""

LEGISLATORS = """\
- id:
    bioguide: X000001
  name:
    first: Janet
    middle: Quinn
    last: Sample
    nickname: Jan
  terms:
  - type: rep
    start: '2005-01-04'
    end: '2007-01-03'
    state: MA
    party: Democrat
  - type: rep
    start: '2007-01-04'
    end: '2009-01-03'
    state: MA
    party: Democrat
  - type: sen
    start: '2013-01-03'
    end: '2019-01-03'
    state: MA
    party: Democrat
"""

EXECUTIVE = """\
- id:
    bioguide: X000002
  name:
    first: Walter
    last: Example
  terms:
  - type: prez
    start: '1993-01-20'
    end: '1997-01-20'
    party: Republican
"""


def converter():
    spec = importlib.util.spec_from_file_location("convert_actor_dictionaries",
                                                  ROOT / "tools" / "convert_actor_dictionaries.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("reference")
    (source / "petrarch2").mkdir()
    (source / "us-congress").mkdir()
    (source / "petrarch2" / "Phoenix.Countries.actors.txt").write_text(PHOENIX_COUNTRIES, encoding="utf-8")
    (source / "petrarch2" / "Phoenix.International.actors.txt").write_text(PHOENIX_INTERNATIONAL, encoding="utf-8")
    (source / "petrarch2" / "Phoenix.MilNonState.actors.txt").write_text(PHOENIX_NONSTATE, encoding="utf-8")
    (source / "petrarch2" / "Phoenix.agents.txt").write_text(PHOENIX_AGENTS, encoding="utf-8")
    (source / "petrarch2" / "LICENSE").write_text("MIT License (synthetic copy)\n", encoding="utf-8")
    (source / "us-congress" / "legislators-current.yaml").write_text(LEGISLATORS, encoding="utf-8")
    (source / "us-congress" / "executive.yaml").write_text(EXECUTIVE, encoding="utf-8")
    out = tmp_path_factory.mktemp("data")
    converter().convert(source, out)
    return out


def test_converter_writes_office_holders_by_office_with_full_names_only(converted):
    people = [r for r in rows(converted / "phoenix_people.tsv") if r["name"] == "Jean Testard"]
    assert {(r["sector"], r["valid_from"], r["valid_to"]) for r in people} == {
        ("", "1970-01-01", "1995-05-17"), ("GOV", "1995-05-17", "2007-05-16"), ("", "", "")}
    assert all(r["country"] == "FRA" and r["aliases"] == "Jean P. Testard" for r in people)  # no "Testard"
    marie = [r for r in rows(converted / "phoenix_people.tsv") if r["name"] == "Marie Example"]
    assert [(r["country"], r["valid_from"], r["valid_to"]) for r in marie] == [
        ("IGO", "1999-01-01", "2004-12-31")]
    assert "MIT License" in (converted / "PETRARCH2_LICENSE").read_text(encoding="utf-8")
    assert "MIT" in (converted / "phoenix_people.tsv").read_text(encoding="utf-8").splitlines()[1]


def test_converter_writes_organisations_companies_and_agents(converted):
    orgs = {r["canonical"]: r for r in rows(converted / "phoenix_orgs.tsv")}
    assert (orgs["Acme Widgets Corporation"]["country"], orgs["Acme Widgets Corporation"]["sector"]) == ("USA", "BUS")
    assert orgs["Global Test Foundation"]["country"] == "NGO"
    assert orgs["Allied Test Front"]["code"] == "FRAREB" and "ATF" in orgs["Allied Test Front"]["aliases"]
    assert orgs["French Test Gendarmerie"]["code"] == "FRACOP"
    assert "France" not in orgs  # a country's own names are no organisation
    agents = {r["role"]: r for r in rows(converted / "phoenix_agents.tsv")}
    assert agents["businessman"]["sector"] == "BUS" and agents["businesswoman"]["kind"] == "person"
    assert agents["attorney general"]["sector"] == "GOV"
    assert agents["rebels"]["kind"] == "group"


def test_converter_merges_congress_terms(converted):
    officials = rows(converted / "us_officials.tsv")
    sample = [r for r in officials if r["name"] == "Janet Sample"]
    assert [(r["sector"], r["valid_from"], r["valid_to"], r["office"]) for r in sample] == [
        ("LEG", "2005-01-04", "2009-01-03", "representative"), ("LEG", "2013-01-03", "2019-01-03", "senator")]
    assert set(sample[0]["aliases"].split("|")) == {"Jan Sample", "Janet Q. Sample", "Janet Quinn Sample"}
    assert [(r["name"], r["sector"], r["party"]) for r in officials if r["office"] == "president"] == [
        ("Walter Example", "GOV", "Republican")]


def analyze(nlp, resolver, text: str, date: str = "2016-03-24"):
    doc = nlp(text)
    return doc, resolver.analyze(doc, Article(id="t", text=text, date=date))


def actor_of(doc, actors, word: str, nth: int = 0):
    return actors.for_token([t for t in doc if t.text == word][nth])


@pytest.mark.parametrize(("date", "sector"), [("2003-06-01", "GOV"), ("2012-06-01", ""), ("", "GOV")])
def test_office_holder_sector_follows_the_article_date(nlp, resolver, date, sector):
    doc, actors = analyze(nlp, resolver, "Olusegun Obasanjo criticised the plan on Monday.", date=date)
    found = actor_of(doc, actors, "Obasanjo")
    assert (found.country, found.sector) == ("NGA", sector)  # out of office: the country stays


def test_party_state_label_and_title_make_a_us_legislator(nlp, resolver):
    text = "Sen. Harriet Quillfeather (D-Mass.) criticized the proposal. Quillfeather said it was unfair."
    doc, actors = analyze(nlp, resolver, text)
    first, later = actor_of(doc, actors, "Quillfeather"), actor_of(doc, actors, "Quillfeather", 1)
    assert (first.country, first.sector) == ("USA", "LEG")
    assert (later.name, later.country) == ("Harriet Quillfeather", "USA")  # the surname takes the first mention
    assert not any(m.text.startswith("D-") or m.text == "Mass." for m in actors.mentions)


def test_party_words_place_candidates_and_groups(nlp, resolver):
    doc, actors = analyze(nlp, resolver, "Republican candidate Gordon Pelletier attacked Democrats on Tuesday.")
    candidate, democrats = actor_of(doc, actors, "Pelletier"), actor_of(doc, actors, "Democrats")
    assert (candidate.country, candidate.sector) == ("USA", "PTY")
    assert (democrats.country, democrats.sector) == ("USA", "PTY")
    doc, actors = analyze(nlp, resolver, "The Christian Democratic Union criticized the budget in Berlin.")
    assert actor_of(doc, actors, "Union").country != "USA"  # a party word inside another party's name


def test_country_is_never_read_off_a_co_participant(nlp, resolver):
    doc, actors = analyze(nlp, resolver, "The administration also blamed Moscow for the hacking.")
    assert actor_of(doc, actors, "administration").country != "RUS"
    assert actor_of(doc, actors, "Moscow").country == "RUS"


def test_attorney_general_is_an_official_not_a_general(nlp, resolver):
    doc, actors = analyze(nlp, resolver, "Attorney General Ramona Vickery sued the company on Friday.")
    assert actor_of(doc, actors, "Vickery").sector == "GOV"
    doc, actors = analyze(nlp, resolver, "State attorneys general sued the company on Friday.")
    assert actor_of(doc, actors, "general").sector == "GOV"


def test_companies_are_business(nlp, resolver):
    text = "Snack giant Crumblewick cut 600 jobs. Senators criticized Crumblewick for the move."
    doc, actors = analyze(nlp, resolver, text)
    assert actor_of(doc, actors, "Crumblewick").sector == "BUS"
    assert actor_of(doc, actors, "Crumblewick", 1).sector == "BUS"  # named again: the same company
    doc, actors = analyze(nlp, resolver, "Brightwater Holdings LLC sued the city of Denver.")
    assert actor_of(doc, actors, "LLC").sector == "BUS"


def test_unresolved_named_person_is_kept_with_an_empty_country(nlp, resolver):
    doc, actors = analyze(nlp, resolver, "Tobias Wrenfield criticized the decision on Monday.")
    found = actor_of(doc, actors, "Wrenfield")
    assert found is not None and (found.name, found.country) == ("Tobias Wrenfield", "")
    assert any(m.name == "Tobias Wrenfield" for m in actors.mentions)
    assert actor_of(doc, actors, "Monday") is None and actor_of(doc, actors, "decision") is None


def test_actors_option_of_extract_applies_a_user_dictionary(tmp_path):
    user = tmp_path / "actors.tsv"
    user.write_text("name\taliases\tcountry\tsector\nOrla Venn\tVenn\tIRL\tGOV\n", encoding="utf-8")
    doc = tmp_path / "doc.jsonl"
    text = "Orla Venn accused the opposition of lying on Monday. Venn said the claims were false."
    doc.write_text(json.dumps({"id": "a", "date": "2024-01-10", "text": text}) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dyadwatch.cli", "extract", "--actors", str(user), str(doc)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout.splitlines()[0])
    venn = [a for a in record["actors"] if a["name"] == "Orla Venn"]
    assert venn and all((a["country"], a["sector"]) == ("IRL", "GOV") for a in venn)
    missing = subprocess.run([sys.executable, "-m", "dyadwatch.cli", "extract", "--actors",
                              str(tmp_path / "nope.tsv"), str(doc)], capture_output=True, text=True, timeout=600)
    assert missing.returncode == 2  # a usage error, not a silent run without the dictionary


@pytest.mark.parametrize(("date", "name"), [("1995-03-24", "Bill Clinton"), ("2016-03-24", "Hillary Clinton")])
def test_a_surname_two_leaders_share_follows_the_date(nlp, resolver, date, name):
    doc, actors = analyze(nlp, resolver, "Clinton criticized the trade agreement on Monday.", date=date)
    assert actor_of(doc, actors, "Clinton").name == name  # in office then, else the most recent


def test_uk_party_words_and_mp(nlp, resolver):
    doc, actors = analyze(nlp, resolver, "Labour MP Jane Pelham criticized the Tories on Monday.")
    mp, tories = actor_of(doc, actors, "Pelham"), actor_of(doc, actors, "Tories")
    assert (mp.country, mp.sector) == ("GBR", "LEG") and (tories.country, tories.sector) == ("GBR", "PTY")


def test_a_surname_the_tagger_reads_as_a_plural_noun_is_the_person_named_earlier(nlp, resolver):
    text = "Bernie Sanders campaigned in Ohio. Sanders has accused Clinton of taking money from Wall Street."
    doc, actors = analyze(nlp, resolver, text)
    second = [t for t in doc if t.text == "Sanders"][1]
    found = actors.for_token(second)
    assert found is not None and (found.name, found.country) == ("Bernard Sanders", "USA")  # the Congress list


def test_a_shared_surname_is_the_person_the_story_introduced_first(nlp, resolver):
    text = ("Donald Trump spoke in Iowa on Monday. His wife Melania Trump joined him on stage. "
            "Trump later congratulated his rivals.")
    doc, actors = analyze(nlp, resolver, text)
    assert actor_of(doc, actors, "Trump", 2).name == "Donald Trump"


@pytest.mark.parametrize(
    "text, date, name, sector",
    [
        ("Marco Rubio spoke in Iowa. Rubio criticised the plan.", "2016-02-01", "Marco Rubio", "LEG"),
        ("Mitt Romney spoke in Utah on Monday.", "2012-05-01", "Mitt Romney", "PTY"),
        ("Donald Trump spoke in Iowa on Monday.", "2016-02-01", "Donald Trump", "PTY"),
        ("Donald Trump spoke in Ohio on Monday.", "2026-02-01", "Donald Trump", "GOV"),
        ("Paul Ryan spoke in Wisconsin on Monday.", "2031-02-01", "Paul Ryan", ""),
    ],
)
def test_former_us_officials_and_candidates_get_their_country_and_the_sector_of_the_date(
    resolver, nlp, text, date, name, sector
):
    """us_figures.tsv and leaders.tsv: the office valid on the article's date; out of office, the country only."""
    actors = resolver.analyze(nlp(text), Article(id="t", text=text, date=date))
    person = next(a for a in actors.mentions if a.name == name)
    assert (person.country, person.sector) == ("USA", sector)
