"""`main.py report ...` headless, against a library on disk."""

from __future__ import annotations

import json

from desktop.cli import main
from tests.core.reports.readers import pdf_text


def test_report_list_names_every_type(capsys) -> None:
    assert main(["report", "list"]) == 0
    out = capsys.readouterr().out
    for kind in ("usage", "providers", "project", "batch", "failures", "forecast", "audit"):
        assert f"\n{kind} " in out


def test_a_report_is_written_for_a_date_range_and_a_project_by_name(workflow_store, tmp_path, capsys,
                                                                    monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    out = tmp_path / "out" / "spring.json"
    code = main(["report", "usage", "--format", "json", "--template", "client", "--from", "2026-11-02",
                 "--to", "2026-11-02", "--project", "春季型錄", "--out", str(out), "--library", str(workflow_store.root)])
    assert code == 0, capsys.readouterr().err
    doc = json.loads(out.read_text("utf-8"))
    kpis = {k["label"]: k["value"] for k in doc["sections"][0]["kpis"]}
    assert kpis["Images made"] == 2 and "Spend" not in kpis  # client: no money
    assert doc["report"]["period"].startswith("2026-11-02 to 2026-11-02; project 10")
    assert f"wrote {out}" in capsys.readouterr().out


def test_the_format_comes_from_the_file_name(workflow_store, tmp_path) -> None:
    out = tmp_path / "batch.pdf"
    assert main(["report", "batch", "--batch", "1", "--out", str(out), "--library", str(workflow_store.root)]) == 0
    assert "一隻在雨中的貓，水彩風格" in pdf_text(out)


def test_mistakes_are_one_clear_line(workflow_store, tmp_path, capsys) -> None:
    lib = ["--library", str(workflow_store.root)]
    assert main(["report", "usage", "--out", str(tmp_path / "x.doc"), *lib]) == 1
    assert "give --format" in capsys.readouterr().err
    assert main(["report", "usage", "--from", "2026-02-30", "--out", str(tmp_path / "x.json"), *lib]) == 1
    assert "--from: '2026-02-30' is not a date" in capsys.readouterr().err
    assert main(["report", "project", "--project", "nope", "--out", str(tmp_path / "x.json"), *lib]) == 1
    assert "no project or profile named 'nope'" in capsys.readouterr().err
    assert main(["report", "usage", "--out", str(tmp_path / "x.json"), "--library", str(tmp_path / "none")]) == 1
    assert "no library here" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_numbers_that_cannot_mean_anything_are_one_clear_line(workflow_store, tmp_path, capsys) -> None:
    lib = ["--library", str(workflow_store.root)]
    out = tmp_path / "f.json"
    for weeks in ("0", "-3"):
        assert main(["report", "forecast", "--weeks", weeks, "--out", str(out), *lib]) == 1
        assert "--weeks must be at least 1" in capsys.readouterr().err
    assert main(["report", "usage", "--budget", "-5", "--out", str(out), *lib]) == 1
    assert "--budget must be 0 or more" in capsys.readouterr().err
    assert main(["report", "forecast", "--hours-per-image", "-1", "--hourly-rate", "40", "--out", str(out), *lib]) == 1
    assert "--hours-per-image and --hourly-rate must be 0 or more" in capsys.readouterr().err
    assert not out.exists()
