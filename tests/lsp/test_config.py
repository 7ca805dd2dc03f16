"""Settings: editing .copydesk.yaml re-lints open drafts; a broken config
is shown in it, and the drafts keep the last good settings."""

from __future__ import annotations

from lsprotocol import types
from lsp_helpers import code, next_diagnostics, open_document, uri_of


def watched(client, path, kind=types.FileChangeType.Changed):
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=uri_of(path), type=kind)])
    )


async def test_editing_the_config_updates_diagnostics(client, seed):
    uri, _ = open_document(client, seed)
    first = [code(d) for d in (await next_diagnostics(client, uri)).diagnostics]
    assert "attribution-verb" in first and len(first) == 7

    config = seed.parent / ".copydesk.yaml"
    config.write_text("ignore: [attribution-verb, web-boilerplate]\n", encoding="utf-8")
    watched(client, config, types.FileChangeType.Created)
    second = [code(d) for d in (await next_diagnostics(client, uri)).diagnostics]
    assert second == [c for c in first if c not in ("attribution-verb", "web-boilerplate")]

    # A broken config: the error is shown in the config at its line and
    # column, and the draft keeps the last good settings.
    config.write_text("ignore: [attribution-verb]\nfail-level: loud\n", encoding="utf-8")
    watched(client, config)
    config_report = await next_diagnostics(client, uri_of(config))
    assert config_report.diagnostics, "the config error is shown in the config"
    error = config_report.diagnostics[0]
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.range.start.line == 1, error
    draft = await next_diagnostics(client, uri)
    kept = [code(d) for d in draft.diagnostics if d.code is not None]
    assert kept == second, "the last good settings stay"
    assert any("last good" in d.message for d in draft.diagnostics)

    # Fixed again: the config's error is cleared, the new settings apply.
    config.write_text("ignore: [attribution-verb]\n", encoding="utf-8")
    watched(client, config)
    cleared = await next_diagnostics(client, uri_of(config))
    assert list(cleared.diagnostics) == []
    third = [code(d) for d in (await next_diagnostics(client, uri)).diagnostics]
    assert third == [c for c in first if c != "attribution-verb"]


async def test_did_change_configuration_sets_the_lint_delay(client, tmp_path):
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"copydesk": {"lintDelayMs": 50}})
    )
    uri, _ = open_document(client, tmp_path / "draft.txt", "Title\n\nThe the meeting.\n")
    got = await next_diagnostics(client, uri)
    assert [code(d) for d in got.diagnostics] == ["doubled-word"]
