"""`main.py sync ...`: credentials are typed (hidden) into the secrets store, never taken as
arguments; destinations are listed and removed; rates read like people write them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands.sync import parse_rate
from desktop.core.config import config_dir
from desktop.core.secrets import open_secrets
from tests.core.sync.library_builder import LibraryBuilder


@pytest.mark.parametrize(("text", "rate"), [("0", 0), ("500K", 512_000), ("5M", 5 * 1024**2),
                                             ("1.5MB/s", int(1.5 * 1024**2)), ("2g", 2 * 1024**3)])
def test_rates_read_like_people_write_them(text: str, rate: int) -> None:
    assert parse_rate(text) == rate


def test_a_nonsense_rate_is_refused() -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_rate("fast")


def test_credentials_are_asked_for_hidden_and_kept_in_the_secrets_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    LibraryBuilder(tmp_path / "lib").close()
    answers = iter(["AKIAEXAMPLE", "wJalrXUtnFEMI-secret", ""])
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("desktop.commands.sync.getpass.getpass", fake_getpass)
    code = main(["sync", "add", "s3://team-bucket/renders", "--name", "team", "--ask-credentials",
                 "--delete-policy", "mirror", "--bandwidth-limit", "2M", "--library", str(tmp_path / "lib")])
    out = capsys.readouterr().out

    assert code == 0 and len(asked) == 3
    secrets = open_secrets(config_dir())
    assert secrets.get("sync.team.aws_secret_access_key") == "wJalrXUtnFEMI-secret"
    assert "wJalrXUtnFEMI-secret" not in out and "credentials: the secrets store" in out
    assert b"wJalrXUtnFEMI-secret" not in (tmp_path / "lib" / "library.db").read_bytes()

    assert main(["sync", "list", "--library", str(tmp_path / "lib")]) == 0
    listed = capsys.readouterr().out
    assert "s3://team-bucket/renders" in listed and "mirror" in listed
    assert main(["sync", "remove", "team", "--library", str(tmp_path / "lib")]) == 0
    assert secrets.get("sync.team.aws_secret_access_key") is None


def test_there_is_no_way_to_pass_a_secret_as_an_argument(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["sync", "add", "s3://b1b/p", "--secret-access-key", "x", "--library", str(tmp_path)])


def test_an_unknown_destination_is_one_clear_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    LibraryBuilder(tmp_path / "lib").close()
    code = main(["sync", "test", "nowhere", "--library", str(tmp_path / "lib")])
    err = capsys.readouterr().err
    assert code == 1 and "no sync destination named 'nowhere'" in err
