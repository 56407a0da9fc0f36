"""readout's scorer follows the shared matching rules."""

from readout.evaluation.scoring import actors_match, date_matches, pair_up, score, score_document


def test_dates_match_within_the_gold_range_with_a_day_of_slack() -> None:
    assert date_matches("2025-10", {"start": "2025-10-20", "end": "2025-10-20"})
    assert date_matches("2025-10-20", "2025-10-21")
    assert not date_matches("2025-10-20", "2025-10")
    assert not date_matches("2022", None)
    assert date_matches(None, "1999")


def test_symmetric_gold_accepts_either_order() -> None:
    gold = {"source": "RUS", "target": "USA", "symmetric": True}
    assert actors_match(gold, {"source": {"country": "USA"}, "target": {"country": "RUS"}})
    assert not actors_match({"source": "RUS", "target": "USA"}, {"source": "USA", "target": "RUS"})
    assert actors_match({"source": "RUS", "target": "*"}, {"source": "RUS", "target": None})


def test_required_gold_is_served_before_optional() -> None:
    golds = [
        {"type": "AID", "source": "DEU", "target": "UKR", "optional": True},
        {"type": "AID", "source": "DEU", "target": "UKR", "date": "2024", "status": "occurred"},
    ]
    preds = [
        {"type": "AID", "source": "DEU", "target": "UKR", "date": "2024", "status": "occurred"}
    ]
    assert pair_up(golds, preds) == [(1, 0, True, True)]


def test_domestic_predictions_are_set_aside_and_extras_count() -> None:
    golds = [{"id": "g", "type": "REQUEST", "source": "GBR", "target": "IRN", "status": "occurred"}]
    preds = [
        {"type": "REQUEST", "source": "GBR", "target": "GBR", "status": "occurred"},
        {"type": "THREATEN", "source": "IRN", "target": "GBR", "status": "occurred"},
    ]
    tally = score_document(golds, preds)
    assert (tally.tp, tally.fp, tally.fn) == (0, 1, 1)


def test_summary_figures() -> None:
    gold = [{"doc": "a.txt", "events": [
        {"id": "1", "type": "CONSULT", "source": "FRA", "target": "DEU", "symmetric": True,
         "date": "2025-03-10", "status": "occurred", "said_by": ["Le Monde"]},
    ]}]  # fmt: skip
    preds = {"a.txt": [
        {"type": "CONSULT", "source": {"country": "DEU"}, "target": {"country": "FRA"},
         "date": {"start": "2025-03-10", "end": "2025-03-10"}, "status": "occurred",
         "attribution": [{"name": "Le Monde", "kind": "outlet"}]},
    ]}  # fmt: skip
    summary, _ = score(gold, preds)
    assert summary["event_f1"] == 1.0 and summary["full_f1"] == 1.0
    assert summary["attribution_recall"] == 1.0


def test_scope_all_keeps_events_within_one_country() -> None:
    golds = [
        {"type": "COERCE", "source": "KEN", "target": "KEN", "status": "occurred"},
        {"type": "ACCUSE", "source": "KEN", "target": "SOM", "status": "occurred"},
    ]
    preds = [{"type": "COERCE", "source": {"country": "KEN"}, "target": {"country": "KEN"}}]
    # international: the domestic gold event is set aside, not missed
    international = score_document(golds, preds, "d")
    assert (international.tp, international.fp, international.fn) == (0, 0, 1)
    everything = score_document(golds, preds, "d", scope="all")
    assert (everything.tp, everything.fp, everything.fn) == (1, 0, 1)
