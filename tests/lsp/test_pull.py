"""Pull diagnostics (textDocument/diagnostic) agree with the pushed ones."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from lsp_helpers import WAIT, change, next_diagnostics, open_document, utf16_range


async def pull(client, uri, previous=None):
    return await asyncio.wait_for(
        client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                previous_result_id=previous,
            )
        ),
        WAIT,
    )


async def test_pull_and_push_agree(both_client, seed):
    client = both_client
    provider = client.init_result.capabilities.diagnostic_provider
    assert provider is not None and provider.identifier == "copydesk"
    uri, text = open_document(client, seed)
    pushed = await next_diagnostics(client, uri)
    report = await pull(client, uri)
    assert report.kind == "full"
    assert report.items == pushed.diagnostics
    assert len(report.items) == 7
    # Nothing changed: the client's copy is current.
    again = await pull(client, uri, report.result_id)
    assert again.kind == "unchanged"

    # After an edit both give the new findings.
    edit = types.TextEdit(range=utf16_range(text, "Druzes"), new_text="Druze")
    change(client, uri, 2, [edit])
    pushed = await next_diagnostics(client, uri, version=2)
    report = await pull(client, uri, report.result_id)
    assert report.kind == "full"
    assert report.items == pushed.diagnostics
    assert len(report.items) == 6


async def test_pull_for_an_unopened_document_is_empty(both_client, tmp_path):
    report = await pull(both_client, (tmp_path / "never-opened.txt").as_uri())
    assert report.kind == "full" and list(report.items) == []
