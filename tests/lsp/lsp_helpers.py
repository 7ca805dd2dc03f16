"""Helpers for the end-to-end tests: positions in UTF-16 units computed
independently of the server, waiting for diagnostics, applying edits."""

from __future__ import annotations

import asyncio
import pathlib

from lsprotocol import types
from pytest_lsp import LanguageClient

# No single wait in these tests should come near this: past it, the
# server has hung.
WAIT = 20.0


def utf16_position(text: str, offset: int) -> types.Position:
    """The LSP position (UTF-16 columns) of character `offset` of `text`."""
    before = text[:offset]
    line_start = before.rfind("\n") + 1
    column = len(before[line_start:].encode("utf-16-le")) // 2
    return types.Position(line=before.count("\n"), character=column)


def utf16_range(text: str, needle: str, occurrence: int = 0) -> types.Range:
    """The range of the `occurrence`-th `needle` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return types.Range(
        start=utf16_position(text, start),
        end=utf16_position(text, start + len(needle)),
    )


def offset_of(text: str, position: types.Position) -> int:
    """The character offset of an LSP position (UTF-16 columns)."""
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= position.character:
            return offset + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return offset + len(line)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """`text` with non-overlapping edits applied (last first, as LSP says
    edits of one document refer to the original text)."""
    spans = sorted(
        ((offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def uri_of(path: pathlib.Path) -> str:
    return path.resolve().as_uri()


async def next_diagnostics(
    client: LanguageClient, uri: str, version: int | None = None
) -> types.PublishDiagnosticsParams:
    """The next publishDiagnostics for `uri` (of `version`, if given) not
    yet taken by an earlier call; it and those before it for `uri` are
    taken. Others' notifications stay for their own calls."""

    async def wait():
        while True:
            for i, params in enumerate(client.published):
                if params.uri == uri and (version is None or params.version == version):
                    client.published[:] = [
                        p for j, p in enumerate(client.published) if j > i or p.uri != uri
                    ]
                    return params
            await asyncio.sleep(0.005)

    return await asyncio.wait_for(wait(), WAIT)


def open_document(
    client: LanguageClient, path: pathlib.Path, text: str | None = None, language: str = "plaintext"
) -> tuple[str, str]:
    """Sends didOpen for `path` (its contents unless `text`); returns uri and text."""
    uri = uri_of(path)
    if text is None:
        text = path.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return uri, text


def change(
    client: LanguageClient, uri: str, version: int, edits: list[types.TextEdit]
) -> None:
    """Sends the edits as one incremental didChange, as an editor does
    after applying a workspace edit (each range in the text as it is after
    the edits before it, so they go last first)."""
    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
                for e in ordered
            ],
        )
    )


async def actions_at(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    result = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        ),
        WAIT,
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


def code(d: types.Diagnostic) -> str:
    return str(d.code)
