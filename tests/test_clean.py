"""Cleaning: body, metadata, removed lines, language and flags, for scraped text, JSONL and HTML.

The seed (a spun Reuters copy full of scraper junk) is the acceptance test; the others are
short synthetic news texts written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.clean import article_id, clean_document
from dyadwatch.clean.flags import is_spun, is_truncated
from dyadwatch.clean.metadata import find_dateline, normalise_date, parse_credits
from dyadwatch.models import RawDocument

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed_reuters_china_russia.txt"


def txt(text: str) -> RawDocument:
    return RawDocument(source_path="story.txt", text=text, fmt="txt")


def jsonl(text: str, **meta: str) -> RawDocument:
    return RawDocument(source_path="batch.jsonl:1", text=text, fmt="jsonl", **meta)


@pytest.fixture(scope="module")
def seed():
    raw = SEED.read_text(encoding="utf-8")
    return raw, clean_document(txt(raw), default_date="2023-02-22")


def test_seed_metadata(seed) -> None:
    _, article = seed
    assert article.title == (
        "The United States is worried about Sino-Russian relations with Putin referring to Xi’s visit"
    )
    assert article.key_points == [
        "Putin meets senior diplomat Wang Yi",
        "Putin says Xi to visit Russia",
        "Putin: Relations reach “new frontiers”",
        "Wang: Others can not undermine our relations",
        "Wang: China-Russia relations are not directed against others",
    ]
    assert article.dateline == ["Moscow", "Washington"]
    assert article.agency == "Reuters"
    assert article.editors == ["Gareth Jones", "Michael Martina", "David Ljungren", "Josie Kao"]
    assert (article.date, article.date_source, article.language) == ("2023-02-22", "cli", "en")
    assert "spun" in article.flags and "boilerplate_heavy" not in article.flags


def test_seed_junk_removed_with_reasons(seed) -> None:
    _, article = seed
    removed = {r.text: r.reason for r in article.removed}
    see_also = [t for t, reason in removed.items() if reason == "related_link"]
    assert any("MH370" in t for t in see_also) and any("Boris Johnson" in t for t in see_also)
    for line in ("Latest updates", "View 2 more stories", "XI and Putin", "Leave a Reply"):
        assert line in removed
    assert any(t.startswith("Our standards:") for t in removed)
    assert any(t.startswith("Your email address") for t in removed)
    body = article.text
    for junk in ("See also", "MH370", "Boris Johnson", "Latest updates", "View 2 more", "XI and Putin",
                 "Our standards", "Leave a Reply", "Your email", "Editing by", "MOSCOW/WASHINGTON", "•"):
        assert junk not in body
    assert not body.startswith(article.title)


def test_seed_no_body_paragraph_lost(seed) -> None:
    raw, article = seed
    removed = {r.text for r in article.removed}
    lines = [" ".join(line.split()) for line in raw.splitlines() if line.strip()]
    body_lines = [line for line in lines[6:] if line not in removed]  # after the title and 5 key points
    body_lines[0] = body_lines[0].removeprefix("MOSCOW/WASHINGTON (Reuters) – ")
    assert len(body_lines) == 19
    assert article.text.split("\n\n") == body_lines
    assert article.text.startswith("The United States is concerned about increasing accommodation")
    assert article.text.endswith("main sources of state treasury revenue.")


def test_jsonl_single_sentence_is_kept_exactly() -> None:
    sentence = "Russian President Vladimir Putin met Chinese top diplomat Wang Yi in Moscow on Wednesday"
    article = clean_document(jsonl(sentence, date="2023-02-22"))
    assert article.text == sentence and article.title == "" and article.language == "en"
    assert (article.date, article.date_source) == ("2023-02-22", "metadata")
    for short in ("Putin met Wang.", "Obama said.", "See also the report.", "Subscribe to the treaty."):
        assert clean_document(jsonl(short)).text == short
        assert clean_document(jsonl(short)).language == "en"


def test_jsonl_title_line_stays_and_only_junk_lines_go() -> None:
    text = (
        "Germany pledges tanks to Ukraine\n\n"
        "BERLIN (Reuters) - Germany will send Leopard tanks to Ukraine, Chancellor Olaf Scholz said on Wednesday.\n\n"
        "Share this article\n\n"
        "Scholz said the decision was taken in close coordination with allies.\n\n"
        "(Reporting by Sarah Marsh; Editing by Alex Richardson)"
    )
    article = clean_document(jsonl(text, title="Germany to send tanks"))
    assert article.title == "Germany to send tanks"
    assert article.text.startswith("Germany pledges tanks to Ukraine\n\nBERLIN (Reuters) - Germany will send")
    assert "Share this article" not in article.text and "Reporting by" not in article.text
    assert "Scholz said the decision was taken" in article.text
    assert article.dateline == ["Berlin"] and article.agency == "Reuters"
    assert article.byline == ["Sarah Marsh"] and article.editors == ["Alex Richardson"]
    assert {r.reason for r in article.removed} == {"share_prompt", "credit"}


def test_jsonl_without_junk_is_unchanged() -> None:
    text = "  Iran and Saudi Arabia agreed to restore ties.\n\nThe deal was brokered by China.  \n"
    assert clean_document(jsonl(text)).text == text


def test_jsonl_spaces_of_other_widths_become_plain_spaces_one_for_one() -> None:
    """A no-break space in a JSON Lines record is a token of its own for the parser ("The general\xa0stumped for
    Clinton" lost its subject): it becomes a plain space, and every offset into the text stays where it was."""
    text = "The general\u00a0stumped for Clinton in Ohio.\n\nHe met\u2009voters in\u202fDayton on Friday."
    article = clean_document(jsonl(text))
    assert article.text == "The general stumped for Clinton in Ohio.\n\nHe met voters in Dayton on Friday."
    assert len(article.text) == len(text)
    assert article.id == clean_document(jsonl(article.text)).id


def test_caption_fragment_and_headings() -> None:
    text = (
        "Leaders meet in Beijing\n\n"
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Tuesday.\n\n"
        "Xi and Putin\n\n"
        "What happens next\n\n"
        "The two leaders agreed to expand trade, officials said."
    )
    article = clean_document(txt(text))
    assert [r.text for r in article.removed] == ["Xi and Putin"]
    assert "What happens next" in article.text


def test_bare_see_also_takes_its_headline() -> None:
    text = (
        "Talks in Geneva\n\nDiplomats from both sides met in Geneva on Monday.\n\n"
        "Read more:\nOil prices climb on supply fears\n\nThe talks will continue on Tuesday, officials said."
    )
    article = clean_document(txt(text))
    assert [r.text for r in article.removed] == ["Read more:", "Oil prices climb on supply fears"]
    assert article.text.endswith("The talks will continue on Tuesday, officials said.")


def test_byline_line_and_credit_with_places() -> None:
    text = (
        "Ceasefire holds in Sudan\n\nBy Jane Doe and John Roe\n\n"
        "KHARTOUM (AP) — A ceasefire between Sudan's army and a paramilitary group held on Sunday.\n\n"
        "(Reporting by Khalid Abdelaziz in Khartoum and Nafisa Eltahir in Cairo; Writing by Aidan Lewis; "
        "Editing by Toby Chopra)"
    )
    article = clean_document(txt(text))
    assert article.text == "A ceasefire between Sudan's army and a paramilitary group held on Sunday."
    assert article.dateline == ["Khartoum"] and article.agency == "AP"
    assert article.byline == ["Jane Doe", "John Roe", "Khalid Abdelaziz", "Nafisa Eltahir", "Aidan Lewis"]
    assert article.editors == ["Toby Chopra"]


@pytest.mark.parametrize(
    ("opening", "places", "agency"),
    [
        ("MOSCOW/WASHINGTON (Reuters) – The United States", ["Moscow", "Washington"], "Reuters"),
        ("BEIJING, Feb. 22 (Xinhua) -- China said", ["Beijing"], "Xinhua"),
        ("NEW YORK, Feb 22 (Reuters) - Stocks fell", ["New York"], "Reuters"),
        ("PARIS, 22 Feb 2023 (AFP) - France said", ["Paris"], "AFP"),
        ("NEW DELHI, March 3 (PTI) - India said", ["New Delhi"], "PTI"),
        ("Moscow, Feb 22 (TASS) - Russia said", ["Moscow"], "TASS"),
        ("KYIV — Ukraine said on Monday", ["Kyiv"], ""),
        ("The United States (US) - said", [], ""),
        ("US President Joe Biden — who", [], ""),
    ],
)
def test_datelines(opening: str, places: list[str], agency: str) -> None:
    found_places, found_agency, _ = find_dateline(opening)
    assert (found_places, found_agency) == (places, agency)


def test_credit_parsing() -> None:
    info = parse_credits(["Reporting by Reuters. Editing by Gareth Jones, Michael Martina, and Josie Kao"])
    assert info.byline == [] and info.editors == ["Gareth Jones", "Michael Martina", "Josie Kao"]


def test_dates_never_guessed() -> None:
    assert normalise_date("Wed, 22 Feb 2023 10:00:00 GMT") == "2023-02-22"
    assert normalise_date("2023-02-22T10:00:00Z") == "2023-02-22"
    assert normalise_date("February 22, 2023") == "2023-02-22"
    assert normalise_date("yesterday") == "" and normalise_date("2023-13-45") == ""
    article = clean_document(jsonl("Chile and Peru signed a deal.", date="not a date"), default_date="2023-01-05")
    assert (article.date, article.date_source) == ("2023-01-05", "cli")
    article = clean_document(jsonl("Chile and Peru signed a deal."))
    assert (article.date, article.date_source) == ("", "")


def test_language_of_non_english_articles() -> None:
    german = (
        "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen. Der Kanzler sagte, "
        "man werde die Ukraine weiter mit Waffen und humanitärer Hilfe unterstützen."
    )
    russian = "Министр иностранных дел России Сергей Лавров провел переговоры с китайским коллегой в Москве."
    french = "Le président français a rencontré son homologue chinois à Pékin pour discuter du commerce."
    assert clean_document(jsonl(german)).language == "de"
    assert clean_document(jsonl(russian)).language == "ru"
    assert clean_document(jsonl(french)).language == "fr"
    assert clean_document(jsonl("中国外交部发言人表示，中方愿与俄方加强战略协作。")).language == "zh"
    spanish = "El gobierno de España anunció el lunes nuevas sanciones contra Rusia."
    assert clean_document(jsonl(spanish)).language == "es"


def test_spun_and_clean_examples() -> None:
    spun = [
        "Officials met in Ankara on Monday to discuss the grain deal. Visit his country.",
        "The ministry said talks would continue next week in Istanbul. On the other hand.",
    ]
    clean = [
        "Officials met in Ankara on Monday to discuss the grain deal. No one was hurt.",
        "Sen. Marco Rubio of Florida spoke first. Rubio wrote. Cruz wrote.",
        "The ministry said talks would continue. “We will win.”",
    ]
    assert is_spun(spun)
    assert not is_spun(clean)
    two_orphans = ["Officials met in Ankara on Monday. Visit his country.", "Talks went on in Rome. Without his wife."]
    assert is_spun(two_orphans)


def test_truncated_and_boilerplate_heavy() -> None:
    assert is_truncated("Ukraine said on Monday that the offensive had")
    assert is_truncated("The minister said the talks …")
    assert not is_truncated("The talks ended on Monday.")
    assert not is_truncated("“We will not back down,” he said.”")
    junky = "\n".join(
        ["Talks end", "Share this article", "Subscribe now", "We use cookies to improve your experience.",
         "Leave a Reply", "Your email address will not be published.", "Cookie policy", "Advertisement",
         "Delegates from both countries ended their talks in Oslo on Friday."]
    )
    article = clean_document(txt(junky))
    assert "boilerplate_heavy" in article.flags
    assert article.text == "Delegates from both countries ended their talks in Oslo on Friday."


def test_html_page_text_and_metadata() -> None:
    page = """<html><head><title>Talks resume - Example News</title>
<meta property="og:title" content="Japan and South Korea resume talks">
<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-03-16T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Japan and South Korea resume talks</h1>
<p>TOKYO (Reuters) - Japan and South Korea agreed on Thursday to resume security talks suspended since 2018,
Japan's foreign ministry said after the two leaders met in Tokyo.</p>
<p>Prime Minister Fumio Kishida told President Yoon Suk Yeol that the two countries would open a new chapter.</p>
<p>Share this article</p></article><footer>Cookie policy</footer></body></html>"""
    raw = RawDocument(source_path="page.html", html=page, url="https://example.com/a", fmt="html")
    article = clean_document(raw, default_date="2024-01-01")
    assert article.title == "Japan and South Korea resume talks"
    assert article.text.startswith("Japan and South Korea agreed on Thursday")
    assert "Kishida told President Yoon" in article.text
    assert "Home" not in article.text and "Cookie" not in article.text and "Share this" not in article.text
    assert article.dateline == ["Tokyo"] and article.agency == "Reuters"
    assert (article.date, article.date_source) == ("2023-03-16", "metadata")
    assert article.byline == ["Jane Doe"] and article.source == "Example News" and article.language == "en"


def test_warc_page_date_beats_capture_date() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2022-11-02"></head><body><article>'
        "<p>Egypt hosted climate talks in Sharm el-Sheikh on Wednesday, officials said.</p></article></body></html>"
    )
    raw = RawDocument(source_path="crawl.warc@0", html=page, date="2023-03-17", fmt="warc")
    assert clean_document(raw).date == "2022-11-02"


def test_article_id_is_stable() -> None:
    assert article_id("Putin met  Wang.\n") == article_id("putin met wang.")
    assert article_id("Putin met Wang.") != article_id("Wang met Putin.")


def test_hard_wrapped_text_is_unwrapped() -> None:
    text = (
        "Egypt hosts Gaza truce talks\n\n"
        "CAIRO (Reuters) - Egyptian mediators hosted delegations from Israel and\n"
        "Hamas in Cairo on Tuesday for talks on a truce, two security sources\n"
        "said, as fighting continued in the south of the Gaza Strip.\n\n"
        "The sources said the talks would continue on Wednesday and that Qatar\n"
        "had sent a senior official to join the mediation effort in the Egyptian\n"
        "capital.\n"
    )
    article = clean_document(txt(text))
    assert article.title == "Egypt hosts Gaza truce talks" and article.dateline == ["Cairo"]
    assert article.text.split("\n\n") == [
        "Egyptian mediators hosted delegations from Israel and Hamas in Cairo on Tuesday for talks on a truce, "
        "two security sources said, as fighting continued in the south of the Gaza Strip.",
        "The sources said the talks would continue on Wednesday and that Qatar had sent a senior official to join "
        "the mediation effort in the Egyptian capital.",
    ]


def test_source_author_becomes_the_byline() -> None:
    raw = RawDocument(source_path="feed.xml#0", html="<html><body><article><p>Chad reopened its border with "
                      "Sudan on Monday after talks in N'Djamena, officials said.</p></article></body></html>",
                      author="Amina Yusuf, Paul Okoro", fmt="feed")
    article = clean_document(raw)
    assert article.byline == ["Amina Yusuf", "Paul Okoro"]
    assert "Amina" not in article.text
