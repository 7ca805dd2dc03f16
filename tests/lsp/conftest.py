"""Fixtures for the end-to-end language server tests: the real
`copydesk lsp` binary driven over stdio by pytest-lsp's client.

COPYDESK_BIN names the binary (tests/lsp/run.sh builds it); by default
target/debug/copydesk of this repository.
"""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("COPYDESK_BIN", str(ROOT / "target" / "debug" / "copydesk"))


def recording_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publishDiagnostics in
    order (`published`: its own map keeps only the last per document, and
    waiting for the next notification misses one that came before the
    wait began) and accepts `client/registerCapability`, as editors do."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    def register_capability(client: LanguageClient, params: types.RegistrationParams):
        return None

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register_capability
    register_lsp_features(client, features)
    return client


SERVER = ClientServerConfig(server_command=[BIN, "lsp"], client_factory=recording_client)


def vscode_capabilities(pull: bool = False) -> types.ClientCapabilities:
    """VS Code's capabilities (as pytest-lsp records them), optionally with
    pull diagnostics, which that recorded version predates."""
    caps = client_capabilities("visual-studio-code")
    if pull:
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities(
            dynamic_registration=False, related_document_support=False
        )
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(
            refresh_support=True
        )
    return caps


async def initialize(client: LanguageClient, pull: bool = False, **options):
    """Initializes a session; options go in initializationOptions
    (lintDelayMs 0 unless given)."""
    options.setdefault("lintDelayMs", 0)
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=vscode_capabilities(pull),
            initialization_options=options,
        )
    )


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    """A VS Code-like client that receives pushed diagnostics."""
    lsp_client.init_result = await initialize(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def both_client(lsp_client: LanguageClient):
    """A client that pulls diagnostics, with the server also pushing them
    (diagnosticMode both), so the two can be compared."""
    lsp_client.init_result = await initialize(
        lsp_client, pull=True, diagnosticMode="both"
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def bare_client(lsp_client: LanguageClient):
    """A started server the test initializes (or not) itself."""
    yield


@pytest.fixture
def seed(tmp_path: pathlib.Path) -> pathlib.Path:
    """The seed article copied into a fresh folder (no config above it)."""
    path = tmp_path / "seed-article.txt"
    shutil.copyfile(ROOT / "examples" / "seed-article.txt", path)
    return path
