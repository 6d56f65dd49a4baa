"""Prompt colours, read back from the formats the highlighter applied to a real document."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from desktop.ui.queue.prompt_highlighter import PromptHighlighter


def spans(text: str) -> dict[str, str]:
    """Each coloured piece of the first line, by its colour name."""
    document = QTextDocument()
    highlighter = PromptHighlighter(document)
    document.setPlainText(text)
    highlighter.rehighlight()
    block = document.firstBlock()
    colours = {name: fmt.foreground().color().name() for name, fmt in highlighter.formats.items()}
    found: dict[str, str] = {}
    for item in block.layout().formats():
        piece = text[item.start:item.start + item.length]
        kind = next(n for n, c in colours.items() if c == item.format.foreground().color().name()
                    and item.format.fontUnderline() == highlighter.formats[n].fontUnderline())
        found[piece] = kind
    return found


def test_variants_wildcards_flags_and_weights_are_coloured(qapp):
    found = spans("a {red|blue} kite over __places__ (sky:1.2) --seed 5")
    assert found["{"] in ("brace", "separator") and found["}"] in ("brace", "separator")
    assert found["__places__"] == "wildcard"
    assert found["--seed"] == "flag"
    assert found[":1.2"] == "weight"


def test_an_unbalanced_brace_is_marked_as_an_error(qapp):
    found = spans("a {red|blue kite")
    assert found["{"] == "error"


def test_a_comment_line_is_one_comment(qapp):
    assert spans("# not a prompt {a|b}") == {"# not a prompt {a|b}": "comment"}
