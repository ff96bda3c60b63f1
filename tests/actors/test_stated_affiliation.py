"""A person's state or body stated by the title itself (census class 2): the curated states file adds to
the world file's spellings and never drops them; a hyphenated rank is a head; the bodies list has the
development banks and regional organisations whose officials sign for them."""

from diplograph.actors.knowledge import knowledge, merged_states
from diplograph.actors.resolve.vocabulary import vocabulary


def test_the_curated_file_keeps_the_world_files_variants() -> None:
    world = {"ECU": {"demonyms": ["Ecuadorian", "Ecuadorean"], "capitals": ["Quito"]}}
    curated = {"ECU": {"aliases": ["Ecuador"], "demonyms": ["Ecuadorian"]}}
    merged = merged_states(world, curated)
    assert merged["ECU"]["demonyms"] == ["Ecuadorian", "Ecuadorean"]
    assert merged["ECU"]["aliases"] == ["Ecuador"] and merged["ECU"]["capitals"] == ["Quito"]


def test_demonym_spelling_variants_name_their_state() -> None:
    for text, code in [("Ecuadorean", "ECU"), ("Ecuadorian", "ECU"), ("Azeri", "AZE"), ("Tajikistani", "TJK"),
                       ("Kyrgyzstani", "KGZ"), ("Belarussian", "BLR"), ("Somalian", "SOM"),
                       ("Cabo Verdean", "CPV"), ("Myanmarese", "MMR")]:
        found = knowledge().find(f"The {text} delegation arrived on Monday.")
        assert [m.entity.code for m in found] == [code], text


def test_bodies_whose_officials_sign_for_them() -> None:
    bodies = [("AfDB", "AfDB"), ("African Development Bank", "AfDB"),
              ("Inter-American Development Bank", "IDB"),
              ("OAS", "OAS"), ("Organization of the American States", "OAS"), ("EBRD", "EBRD")]
    for text, code in bodies:
        found = knowledge().find(f"The {text} signed the loan.")
        assert [m.entity.code for m in found] == [code], text


def test_a_rank_joined_to_its_head_is_a_title() -> None:
    vocab = vocabulary()
    assert vocab.rank_hyphen_head("Vice-Minister") and vocab.opens_title("Vice-Minister")
    assert vocab.rank_hyphen_head("Deputy-Minister")
    assert not vocab.rank_hyphen_head("Asia-Pacific") and not vocab.rank_hyphen_head("Minister")


def test_a_name_written_joined_or_apart_is_one_person() -> None:
    from diplograph.actors.resolve.coreference import joined_variant

    assert joined_variant(("hailemariam",), ("haile", "mariam", "dessalegn"))
    assert joined_variant(("abdelfattah", "sisi"), ("abdel", "fattah", "sisi"))
    assert not joined_variant(("mariam",), ("haile", "mariam", "dessalegn"))  # a plain short form: not here
    assert not joined_variant(("hailemaria",), ("haile", "mariam", "dessalegn"))  # no whole run of words
    assert not joined_variant(("haile", "mariam"), ("hailemariam",))  # the longer name is not the shorter
