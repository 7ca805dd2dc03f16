"""The seed article through the real server: its seven findings at the
right UTF-16 ranges, with their evidence as related information; fixes and
suppressions through code actions; hover."""

from __future__ import annotations

from lsprotocol import types
from lsp_helpers import actions_at, apply_edits, change, code, next_diagnostics, open_document, utf16_range

# (rule, severity, flagged text, its occurrence, [(evidence text, its
# occurrence, a fragment of the evidence's message)]), in document order.
SEED = [
    ("demonym-plural", types.DiagnosticSeverity.Warning, "Druzes", 0, []),
    (
        "place-country",
        types.DiagnosticSeverity.Error,
        "India",
        0,
        [
            ("Suwayda", 0, "the gazetteer puts `Suwayda` in Syria"),
            (
                "Suwayda and its people are integral parts of Syria",
                0,
                "the text itself puts Suwayda in Syria here",
            ),
        ],
    ),
    (
        "quote-mismatch",
        types.DiagnosticSeverity.Error,
        "“Reliable and honest”",
        0,
        [("“honest and responsible.”", 0, "the body quotes it as")],
    ),
    (
        "attribution-duplicate",
        types.DiagnosticSeverity.Warning,
        "according to Syria’s state-run Ekhbariya TV",
        0,
        [("According to the parties’ agreement", 0, "already attributed")],
    ),
    ("attribution-verb", types.DiagnosticSeverity.Information, "claimed", 0, []),
    (
        "name-variant",
        types.DiagnosticSeverity.Warning,
        "Aljazeera",
        0,
        [("Al Jazeera", 0, "spelled `Al Jazeera` here")],
    ),
    ("web-boilerplate", types.DiagnosticSeverity.Warning, "Leave a Reply", 0, []),
]


async def test_the_seed_gives_its_seven_findings_at_utf16_ranges_with_evidence(client, seed):
    uri, text = open_document(client, seed)
    published = await next_diagnostics(client, uri)
    assert published.version == 1
    got = published.diagnostics
    assert [code(d) for d in got] == [rule for rule, *_ in SEED]
    for d, (rule, severity, flagged, nth, evidence) in zip(got, SEED):
        assert d.range == utf16_range(text, flagged, nth), rule
        assert d.severity == severity, rule
        assert d.source == "copydesk"
        assert d.code_description is not None and d.code_description.href, rule
        related = d.related_information or []
        assert len(related) == len(evidence), (rule, related)
        for info, (needle, n, fragment) in zip(related, evidence):
            assert info.location.uri == uri
            assert info.location.range == utf16_range(text, needle, n), (rule, needle)
            assert fragment in info.message, (rule, info.message)
    # Notes follow the message.
    assert "\nnote: gazetteer:" in got[1].message


async def test_an_emoji_outside_the_bmp_counts_two_utf16_units(client, tmp_path):
    # Two astral characters (each a surrogate pair) before the finding,
    # one more between two findings on the same line.
    text = "Title\n\n😀𝒳 The the meeting went well. 🎉 It rained and and rained.\n"
    uri, text = open_document(client, tmp_path / "emoji.txt", text)
    got = (await next_diagnostics(client, uri)).diagnostics
    assert [code(d) for d in got] == ["doubled-word", "doubled-word"]
    # 😀 and 𝒳 are two UTF-16 units each (one character, four bytes).
    assert got[0].range.start == types.Position(line=2, character=5)
    assert got[0].range == utf16_range(text, "The the")
    assert got[1].range == utf16_range(text, "and and")


async def test_the_fix_action_edit_produces_the_fixed_text(client, seed):
    uri, text = open_document(client, seed)
    demonym = (await next_diagnostics(client, uri)).diagnostics[0]
    assert code(demonym) == "demonym-plural"
    actions = await actions_at(client, uri, demonym)
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1, [a.title for a in actions]
    fix = preferred[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.title == "Replace with `Druze` (demonym-plural)"
    edits = fix.edit.changes[uri]
    fixed = apply_edits(text, edits)
    assert fixed == text.replace("Druzes", "Druze", 1)
    # The editor applies the edit and sends it back: the finding is gone.
    change(client, uri, 2, edits)
    after = await next_diagnostics(client, uri, version=2)
    assert [code(d) for d in after.diagnostics] == [rule for rule, *_ in SEED[1:]]


async def test_disabling_a_rule_by_action_removes_the_finding(client, seed):
    uri, text = open_document(client, seed)
    place = (await next_diagnostics(client, uri)).diagnostics[1]
    assert code(place) == "place-country"
    actions = {a.title: a for a in await actions_at(client, uri, place)}
    line = actions["Disable place-country on this line"]
    change(client, uri, 2, line.edit.changes[uri])
    text = apply_edits(text, line.edit.changes[uri])
    after = await next_diagnostics(client, uri, version=2)
    codes = [code(d) for d in after.diagnostics]
    assert "place-country" not in codes
    assert len(codes) == len(SEED) - 1, codes

    # Now the whole file, for another rule.
    variant = next(d for d in after.diagnostics if code(d) == "name-variant")
    actions = {a.title: a for a in await actions_at(client, uri, variant)}
    whole = actions["Disable name-variant in this file"]
    change(client, uri, 3, whole.edit.changes[uri])
    after = await next_diagnostics(client, uri, version=3)
    codes = [code(d) for d in after.diagnostics]
    assert "name-variant" not in codes and "place-country" not in codes
    # With name-variant off, the narrower organisation-spelling rule (which
    # yields to it on the same words) reports `Aljazeera` in its place.
    expected = [rule for rule, *_ in SEED if rule not in ("place-country", "name-variant")]
    assert [c for c in codes if c != "organisation-spelling"] == expected, codes


async def test_apply_all_safe_fixes_fixes_both(client, seed):
    uri, text = open_document(client, seed)
    first = (await next_diagnostics(client, uri)).diagnostics[0]
    actions = await actions_at(client, uri, first)
    fix_all = next(a for a in actions if a.title.startswith("Apply all safe fixes"))
    assert fix_all.kind == "source.fixAll.copydesk"
    fixed = apply_edits(text, fix_all.edit.changes[uri])
    assert "Druzes" not in fixed and "Leave a Reply" not in fixed


async def test_hover_on_a_finding_explains_its_rule(client, seed):
    uri, text = open_document(client, seed)
    await next_diagnostics(client, uri)
    india = utf16_range(text, "India")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=india.start
        )
    )
    assert hover is not None
    assert "place-country" in hover.contents.value
    assert hover.range == india
