"""The preview's item models over a real expansion: jobs and per-provider cost and time."""

from __future__ import annotations

from desktop.core.queue.intake import Intake
from desktop.ui.queue.preview_models import PreviewJobsModel, ProviderCostModel, cost_text


def preview(services):
    text = 'a {red|blue} kite\n--prompt "a harbour" --seed 7\n'
    return Intake(services.providers, services.prices, services.config).preview_text(text)


def test_the_jobs_model_passes_qtmodeltester_and_shows_each_request(qtmodeltester, services):
    model = PreviewJobsModel(provider_names={"openai": "OpenAI"})
    model.set_specs(preview(services).specs)
    qtmodeltester.check(model, force_py=True)
    prompts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert prompts == ["a red kite", "a blue kite", "a harbour"]
    assert model.index(0, 1).data() == "OpenAI"
    assert model.index(0, 5).data() == "typed:1"


def test_the_cost_model_passes_qtmodeltester_with_a_total_row(qtmodeltester, services, english_locale):
    model = ProviderCostModel(provider_names={"openai": "OpenAI"})
    tallies = list(preview(services).by_provider.values())
    tallies.append(type(tallies[0])("a1111", jobs=2, priced_jobs=0, estimated_usd=0.0))
    model.set_tallies(tallies, lambda provider, jobs: 12.0 * jobs)
    qtmodeltester.check(model, force_py=True)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows[0][0] == "OpenAI" and rows[0][1] == "3" and rows[0][2].startswith("$")
    assert rows[1][2] == "unknown"
    assert rows[-1][0] == "Total" and rows[-1][1] == "5" and rows[-1][3] == "36 s"


def test_partly_priced_costs_say_how_many_are_unknown(english_locale):
    assert cost_text(5, 3, 0.12) == "$0.120 + unknown for 2 jobs"
