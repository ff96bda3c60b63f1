"""The language check refuses other languages but never a short English report
whose words happen to be function words elsewhere (Dutch "met", "in")."""

from diplograph.read.language import guess_language


def test_short_english_sentence_is_english():
    text = "Prime Minister Pham Minh Chinh met Japanese Prime Minister Ishiba Shigeru in Hanoi on Monday."
    assert guess_language(text) in ("en", None)


def test_other_languages_are_named():
    french = ("Le Premier ministre a rencontré son homologue japonais à Hanoï lundi pour discuter "
              "du commerce et des investissements entre les deux pays.")
    malay = ("Perdana Menteri Anwar Ibrahim bertemu dengan Perdana Menteri Singapura di Putrajaya "
             "untuk membincangkan kerjasama dan perdagangan yang lebih erat.")
    assert guess_language(french) == "fr"
    assert guess_language(malay) == "id"
