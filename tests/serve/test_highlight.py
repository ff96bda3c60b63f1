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


def test_months_go_on_a_date_axis():
    from diplograph.serve.charts import counts_over_time

    fig = counts_over_time([("2025-02", 1), ("2024-11", 3)], "meetings", "t")
    assert fig["layout"]["xaxis"]["type"] == "date"
    assert fig["data"][0]["x"] == ["2024-11-15", "2025-02-15"] and fig["data"][0]["y"] == [3, 1]
    assert counts_over_time([("b", 1)], "n", "t")["layout"]["xaxis"]["type"] == "category"
