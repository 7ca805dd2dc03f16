"""A hostile or clumsy client never kills the server: malformed JSON-RPC,
unknown methods, bad params, requests for unopened documents, positions
out of range, an oversized draft, bursts of changes, shutdown and exit in
any order. Each gets an error response or a logged message, and the
server goes on answering."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import uuid

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from lsp_helpers import WAIT, code, next_diagnostics, open_document, uri_of
from conftest import initialize

METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INVALID_REQUEST = -32600
SERVER_NOT_INITIALIZED = -32002


async def request(client, method, params):
    """A request sent as raw JSON, so params the client's own types would
    refuse to serialize (a hover without a document) reach the server; the
    answer comes back through the client's usual response handling."""
    msg_id = str(uuid.uuid4())
    answer: concurrent.futures.Future = concurrent.futures.Future()
    client.protocol._request_futures[msg_id] = answer
    body = {"jsonrpc": "2.0", "id": msg_id, "method": method}
    if params is not None:
        body["params"] = params
    await raw(client, frame(json.dumps(body).encode()))
    return await asyncio.wait_for(asyncio.wrap_future(answer), WAIT)


async def notify(client, method, params) -> None:
    """A notification sent as raw JSON (see `request`)."""
    body = {"jsonrpc": "2.0", "method": method, "params": params}
    await raw(client, frame(json.dumps(body).encode()))


async def error_code(client, method, params) -> int:
    with pytest.raises(JsonRpcException) as caught:
        await request(client, method, params)
    return caught.value.code


async def answers(client, uri: str) -> None:
    """The server still answers a request about an open document."""
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=0, character=0),
            )
        ),
        WAIT,
    )
    assert hover is None or hover.contents is not None


async def raw(client, data: bytes) -> None:
    """Bytes straight onto the server's stdin, bypassing the client's
    JSON-RPC writer."""
    client._server.stdin.write(data)
    await client._server.stdin.drain()


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


async def test_malformed_frames_are_survived(client, tmp_path):
    uri, _ = open_document(client, tmp_path / "draft.txt", "Title\n\nThe the meeting.\n")
    await next_diagnostics(client, uri)
    await raw(client, frame(b"{oops"))  # not JSON
    await raw(client, frame(b'{"jsonrpc":"2.0","id":424242,"params":{}}'))  # no method
    await raw(client, frame(b"\xff\xfe\x00 not utf-8"))
    await raw(client, b"X-Nonsense header without a length\r\n\r\n")
    await raw(client, b"Content-Length: lots\r\n\r\n")
    await raw(client, frame(b"[1, 2, 3]"))
    await raw(client, frame(json.dumps({"jsonrpc": "2.0", "method": 7}).encode()))
    await answers(client, uri)
    # Each bad frame is logged as a warning, not silently dropped.
    await asyncio.sleep(0.2)
    warnings = [m for m in client.log_messages if m.type == types.MessageType.Warning]
    assert len(warnings) >= 5, warnings


async def test_unknown_methods_and_bad_params_get_error_responses(client, tmp_path):
    uri, _ = open_document(client, tmp_path / "draft.txt", "Title\n\nThe the meeting.\n")
    await next_diagnostics(client, uri)
    assert await error_code(client, "copydesk/noSuchMethod", {}) == METHOD_NOT_FOUND
    assert await error_code(client, "textDocument/hover", {"nonsense": True}) == INVALID_PARAMS
    assert await error_code(client, "textDocument/codeAction", [1, 2]) == INVALID_PARAMS
    assert await error_code(client, "initialize", {"capabilities": {}}) == INVALID_REQUEST
    # Notifications with bad params or unknown methods are logged.
    await notify(client, "textDocument/didOpen", {"textDocument": 5})
    await notify(client, "copydesk/unknownNotification", {})
    await notify(client, "$/cancelRequest", {"id": 99})
    await answers(client, uri)


async def test_unopened_documents_and_out_of_range_positions(client, tmp_path):
    nowhere = (tmp_path / "never-opened.txt").as_uri()
    hover = await request(
        client,
        "textDocument/hover",
        {"textDocument": {"uri": nowhere}, "position": {"line": 3, "character": 1}},
    )
    assert hover is None
    actions = await request(
        client,
        "textDocument/codeAction",
        {
            "textDocument": {"uri": nowhere},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
            "context": {"diagnostics": []},
        },
    )
    assert actions == []
    # Each empty answer is explained in the log.
    await asyncio.sleep(0.2)
    assert sum("is not open" in m.message for m in client.log_messages) >= 2
    # Changes and closes of documents never opened are ignored.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=nowhere, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="x")],
        )
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=nowhere))
    )

    uri, _ = open_document(client, tmp_path / "draft.txt", "Title\n\nThe the meeting.\n")
    await next_diagnostics(client, uri)
    far = types.Position(line=10_000, character=10_000)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=far)
    )
    assert hover is None
    await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=far, end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    # An edit past the end lands at the end (clamped), and the draft is linted.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=far, end=far), text=" Leave a Reply\n"
                )
            ],
        )
    )
    after = await next_diagnostics(client, uri, version=2)
    assert sorted(code(d) for d in after.diagnostics) == ["doubled-word", "web-boilerplate"]


async def test_an_oversized_draft_gets_one_diagnostic_and_no_lint(client, tmp_path):
    (tmp_path / ".copydesk.yaml").write_text("max-file-size: 200\n", encoding="utf-8")
    text = "Title\n\n" + "The the meeting went well. " * 40 + "\n"
    uri, _ = open_document(client, tmp_path / "big.txt", text)
    got = (await next_diagnostics(client, uri)).diagnostics
    assert len(got) == 1, got
    assert "above the limit of 200" in got[0].message


async def test_a_burst_of_changes_is_linted_once_at_the_end(client, tmp_path):
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"copydesk": {"lintDelayMs": 300}})
    )
    uri, _ = open_document(client, tmp_path / "draft.txt", "Title\n\nThe meeting.\n")
    await next_diagnostics(client, uri)
    client.published.clear()
    for version in range(2, 202):
        text = "Title\n\n" + "The meeting. " * version + ("The the end.\n" if version == 201 else "\n")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def until_last():
        while not any(p.uri == uri and p.version == 201 for p in client.published):
            await asyncio.sleep(0.005)
        return [p for p in client.published if p.uri == uri]

    published = await asyncio.wait_for(until_last(), WAIT)
    versions = [p.version for p in published]
    last = published[-1]
    assert [code(d) for d in last.diagnostics] == ["doubled-word"]
    # Stale versions were dropped, not linted one by one.
    assert len(versions) <= 3, versions


async def test_requests_before_initialize_and_exit_before_shutdown(bare_client):
    client = bare_client
    client.capabilities = types.ClientCapabilities()
    code_ = await error_code(
        client,
        "textDocument/hover",
        {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}},
    )
    assert code_ == SERVER_NOT_INITIALIZED
    await initialize(client)
    client.exit(None)  # no shutdown first: exit status 1, at once
    assert await asyncio.wait_for(client._server.wait(), WAIT) == 1


async def test_exit_before_initialize_ends_the_server(bare_client):
    bare_client.exit(None)
    assert await asyncio.wait_for(bare_client._server.wait(), WAIT) == 1


async def test_requests_after_shutdown_are_refused_then_exit_is_clean(bare_client):
    client = bare_client
    await initialize(client)
    await asyncio.wait_for(client.shutdown_async(None), WAIT)
    assert await error_code(client, "shutdown", None) == INVALID_REQUEST
    assert (
        await error_code(
            client,
            "textDocument/hover",
            {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}},
        )
        == INVALID_REQUEST
    )
    client.exit(None)
    assert await asyncio.wait_for(client._server.wait(), WAIT) == 0


async def test_a_client_that_goes_away_ends_the_server(bare_client):
    await initialize(bare_client)
    bare_client._server.stdin.close()
    assert await asyncio.wait_for(bare_client._server.wait(), WAIT) == 1
