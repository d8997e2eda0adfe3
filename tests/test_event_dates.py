"""Event dates: the expression attached to the trigger, resolved against the article date.

The article date in most tests is 2023-02-22, a Wednesday (the seed article's date).
"""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.events.dates import resolve_event_date, resolve_expression

ARTICLE_DATE = "2023-02-22"  # a Wednesday
BASE = date(2023, 2, 22)


def event_date(nlp, text: str, trigger: str, article_date: str = ARTICLE_DATE) -> tuple[str, str, bool]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return resolve_event_date(token.sent, token, article_date)


# --------------------------------------------------------------------------- the seed's facts


def test_on_wednesday_is_the_article_day_when_published_on_a_wednesday(nlp):
    text = "Putin welcomed China's top diplomat, Wang Yi, to the Kremlin on Wednesday, telling him trade was growing."
    assert event_date(nlp, text, "welcomed") == ("2023-02-22", "day", True)


def test_on_saturday_is_the_most_recent_saturday(nlp):
    text = "US Secretary of State Antony Blinken on Saturday warned Wang of the consequences if China provides arms."
    assert event_date(nlp, text, "warned") == ("2023-02-18", "day", True)


def test_historical_month_belongs_to_its_own_clause(nlp):
    text = (
        "When Xi met Putin face-to-face before Russia sent troops into Ukraine in February 2022, "
        "they sealed a partnership that has caused alarm in the West."
    )
    assert event_date(nlp, text, "sent") == ("2022-02", "month", True)
    # the meeting is placed by its "before ..." clause, and the sealing by its "When ..." clause
    assert event_date(nlp, text, "met") == ("2022-02", "month", True)
    assert event_date(nlp, text, "sealed") == ("2022-02", "month", True)


def test_an_anchor_clause_without_a_date_leaves_the_article_date(nlp):
    text = "When Xi met Putin, they sealed a partnership that has caused alarm in the West."
    assert event_date(nlp, text, "sealed") == (ARTICLE_DATE, "day", False)


def test_a_dated_when_clause_gives_a_month_to_the_main_event(nlp):
    text = "After the two sides signed the accord on March 3, 2021, Turkey reopened its embassy."
    assert event_date(nlp, text, "reopened", "2023-02-22") == ("2021-03", "month", True)


def test_date_of_the_main_clause_does_not_leak_into_a_conditional(nlp):
    text = "US Secretary of State Antony Blinken on Saturday warned Wang of the consequences if China provides arms."
    assert event_date(nlp, text, "provides") == (ARTICLE_DATE, "day", False)


def test_year_inside_a_subordinate_clause_is_not_the_event_date(nlp):
    text = "Putin welcomed Wang to the Kremlin, telling him trade could hit $200 billion, up from $185 billion in 2022."
    assert event_date(nlp, text, "welcomed") == (ARTICLE_DATE, "day", False)


# --------------------------------------------------------------------------- relative expressions in sentences


def test_yesterday_and_last_week_on_conjoined_verbs(nlp):
    text = "Russian forces shelled Kharkiv last week and attacked Kyiv yesterday."
    assert event_date(nlp, text, "attacked") == ("2023-02-21", "day", True)
    assert event_date(nlp, text, "shelled") == ("2023-02-13", "week", True)


def test_next_week_through_a_control_verb_and_not_from_the_reporting_verb(nlp):
    text = "Xi plans to visit Moscow next week, the Kremlin said a year ago."
    assert event_date(nlp, text, "visit") == ("2023-02-27", "week", True)
    assert event_date(nlp, text, "said") == ("2022", "year", True)


def test_a_year_ago(nlp):
    assert event_date(nlp, "Russia invaded Ukraine a year ago.", "invaded") == ("2022", "year", True)


def test_light_verb_carries_the_date_of_a_nominal_trigger(nlp):
    text = "The foreign ministers held talks in Geneva on March 3, 2021."
    assert event_date(nlp, text, "talks") == ("2021-03-03", "day", True)


def test_month_day_without_year_prefers_the_past(nlp):
    text = "The foreign ministers held talks in Geneva on March 3."
    assert event_date(nlp, text, "talks") == ("2022-03-03", "day", True)


def test_future_weekday_looks_forward(nlp):
    assert event_date(nlp, "The two leaders will meet in Beijing on Friday.", "meet") == ("2023-02-24", "day", True)


def test_nominal_subject_of_take_place(nlp):
    assert event_date(nlp, "The talks took place on Monday.", "talks") == ("2023-02-20", "day", True)


def test_in_a_year_and_last_month(nlp):
    assert event_date(nlp, "Lavrov visited Ankara in 2021.", "visited") == ("2021", "year", True)
    assert event_date(nlp, "Lavrov visited Ankara last month.", "visited") == ("2023-01", "month", True)


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Protesters rallied in Tbilisi for three days.", "rallied"),
        ("Iran has enriched uranium since 2021.", "enriched"),
        ("The government must hold elections by 2025.", "hold"),
    ],
)
def test_durations_and_bounds_are_not_event_dates(nlp, text, trigger):
    assert event_date(nlp, text, trigger) == (ARTICLE_DATE, "day", False)


def test_no_article_date_keeps_absolute_dates_and_defaults_to_empty(nlp):
    assert event_date(nlp, "Lavrov visited Ankara in 2021.", "visited", "") == ("2021", "year", True)
    assert event_date(nlp, "Lavrov visited Ankara on Tuesday.", "visited", "") == ("", "", False)


def test_no_temporal_expression_falls_back_to_the_article_date(nlp):
    assert event_date(nlp, "China rejected the demands of the United States.", "rejected") == (
        ARTICLE_DATE,
        "day",
        False,
    )


# --------------------------------------------------------------------------- the resolver on its own


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("Wednesday", ("2023-02-22", "day")),
        ("on Saturday", ("2023-02-18", "day")),
        ("last Wednesday", ("2023-02-15", "day")),
        ("next Monday", ("2023-02-27", "day")),
        ("Tuesday night", ("2023-02-21", "day")),
        ("yesterday", ("2023-02-21", "day")),
        ("today", ("2023-02-22", "day")),
        ("tomorrow", ("2023-02-23", "day")),
        ("last week", ("2023-02-13", "week")),
        ("this week", ("2023-02-20", "week")),
        ("next week", ("2023-02-27", "week")),
        ("last month", ("2023-01", "month")),
        ("earlier this month", ("2023-02", "month")),
        ("last year", ("2022", "year")),
        ("late last year", ("2022", "year")),
        ("two weeks ago", ("2023-02-06", "week")),
        ("three days ago", ("2023-02-19", "day")),
        ("six months ago", ("2022-08", "month")),
        ("a year ago", ("2022", "year")),
        ("February 2022", ("2022-02", "month")),
        ("in February 2022", ("2022-02", "month")),
        ("Feb. 2022", ("2022-02", "month")),
        ("2021", ("2021", "year")),
        ("mid-2021", ("2021", "year")),
        ("March 3", ("2022-03-03", "day")),
        ("March 3, 2021", ("2021-03-03", "day")),
        ("3 March 2021", ("2021-03-03", "day")),
        ("the 3rd of March", ("2022-03-03", "day")),
        ("January", ("2023-01", "month")),
        ("February", ("2023-02", "month")),
        ("last February", ("2022-02", "month")),
        ("April", ("2022-04", "month")),
    ],
)
def test_resolve_expression_past(expression, expected):
    assert resolve_expression(expression, BASE) == expected


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("Friday", ("2023-02-24", "day")),
        ("Wednesday", ("2023-02-22", "day")),
        ("April", ("2023-04", "month")),
        ("January", ("2024-01", "month")),
        ("March 3", ("2023-03-03", "day")),
        ("February 1", ("2024-02-01", "day")),
    ],
)
def test_resolve_expression_future(expression, expected):
    assert resolve_expression(expression, BASE, future=True) == expected


@pytest.mark.parametrize(
    "expression", ["annually", "the first anniversary", "three years", "the 1990s", "decades", "the eve", "200"]
)
def test_vague_or_duration_expressions_do_not_resolve(expression):
    assert resolve_expression(expression, BASE) is None


def test_a_sunday_article_and_month_boundaries():
    sunday = date(2023, 1, 1)
    assert resolve_expression("on Saturday", sunday) == ("2022-12-31", "day")
    assert resolve_expression("last month", sunday) == ("2022-12", "month")
    assert resolve_expression("yesterday", date(2024, 3, 1)) == ("2024-02-29", "day")


def test_conjoined_verb_with_its_own_tense_keeps_its_own_date(nlp):
    text = "A Libertarian, he backed Ron Paul for the presidency in 2012 and has supported Sen. Ted Cruz."
    assert event_date(nlp, text, "backed") == ("2012", "year", True)
    assert event_date(nlp, text, "supported") == (ARTICLE_DATE, "day", False)


def test_a_missed_sentence_boundary_does_not_carry_a_date_over(nlp):
    text = 'He asked: "Will he rally behind the nominee?" Earlier this month, Sanders was asked about it on CBS.'
    doc = nlp(text)
    token = next(t for t in doc if t.text == "rally")
    span = doc[token.sent.start : len(doc)]  # as if the sentencizer had not split at the question mark
    assert resolve_event_date(span, token, ARTICLE_DATE) == (ARTICLE_DATE, "day", False)


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("earlier on Tuesday", ("2023-02-21", "day")),
        ("late on Thursday", ("2023-02-16", "day")),
        ("Wednesday's", ("2023-02-22", "day")),
        ("the end of 2021", ("2021", "year")),
        ("early March 2022", ("2022-03", "month")),
    ],
)
def test_qualified_expressions(expression, expected):
    assert resolve_expression(expression, BASE) == expected


def test_possessive_and_year_modifiers_date_a_nominal_trigger(nlp):
    assert event_date(nlp, "Wednesday's meeting between the ministers was tense.", "meeting") == (
        "2023-02-22",
        "day",
        True,
    )
    assert event_date(nlp, "Officials discussed the 2014 annexation of Crimea.", "annexation") == ("2014", "year", True)
