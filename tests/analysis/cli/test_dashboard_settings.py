"""`slant dashboard` hands Streamlit the project's settings itself, wherever it is started:
Streamlit reads .streamlit/config.toml only from the working directory."""

import tomllib

from analysis.cli import main as cli
from tests.paths import ROOT

SETTINGS = ROOT / "dashboard" / "streamlit.toml"


def started_command(monkeypatch, tmp_path) -> list[str]:
    db = tmp_path / "s.duckdb"
    db.touch()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    started = []
    monkeypatch.setattr(cli.subprocess, "call", lambda command, env: started.append(command) or 0)
    assert cli.main(["dashboard", "--db", str(db), "--port", "8999"]) == 0
    return started[0]


def test_the_dashboard_starts_with_every_setting_of_the_project(monkeypatch, tmp_path):
    command = started_command(monkeypatch, tmp_path)
    assert "--client.toolbarMode=viewer" in command  # no Deploy button
    assert "--client.showErrorDetails=type" in command  # no tracebacks for users
    settings = tomllib.loads(SETTINGS.read_text())
    assert set(cli.streamlit_flags(settings)) <= set(command)
    assert command[command.index("--server.port") + 1] == "8999"


def test_the_checkout_config_is_the_same_as_the_settings_slant_dashboard_passes():
    checkout = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert checkout == tomllib.loads(SETTINGS.read_text())
