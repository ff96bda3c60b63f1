"""The evidence highlighter: escaped text, spans marked, offsets respected."""

from diplograph.serve.highlight import highlight, merge


def test_marks_the_span_and_escapes_everything_else():
    text = 'A <b>x</b> met B. They "signed" <script>alert(1)</script> a deal.'
    start = text.index("They")
    end = len(text)
    html = str(highlight(text, [(start, end)]))
    assert "<script>" not in html and "<b>" not in html
    assert html.startswith("A &lt;b&gt;x&lt;/b&gt; met B. ")
    assert (
        '<mark id="mark-0">They &#34;signed&#34; &lt;script&gt;alert(1)&lt;/script&gt; a deal.</mark>' in html
    )


def test_overlapping_and_out_of_range_spans_are_merged_and_clipped():
    assert merge([(5, 10), (0, 3), (8, 12), (12, 14), (20, 99), (7, 7)], 25) == [(0, 3), (5, 14), (20, 25)]
    html = str(highlight("abcdefghij", [(2, 4), (3, 6)], id_prefix="ev"))
    assert html == 'ab<mark id="ev-0">cdef</mark>ghij'


def test_no_spans_is_plain_escaped_text():
    assert str(highlight("x < y & z", [])) == "x &lt; y &amp; z"


def test_month_range_fills_quiet_months():
    from diplograph.serve.charts import month_range

    assert month_range(["2024-11", "2025-02"]) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert month_range([]) == []
    assert month_range(["b", "a"]) == ["a", "b"]
