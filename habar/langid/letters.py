"""Letters that tell Cyrillic Turkic languages apart, kept as data.

Kazakh writes 42 letters: the 33 Russian ones plus ә ғ қ ң ө ұ ү һ і. Kyrgyz adds only ң ө ү, so a Kazakh text of
ten words almost always shows one of ә ғ қ ұ і, and a Kyrgyz text never does. The other neighbours each have a
letter Kazakh lacks.
"""

from __future__ import annotations

KAZAKH_ONLY = frozenset("әғқұһіӘҒҚҰҺІ")  # not in Kyrgyz; ә/һ/ғ/қ do occur in Tatar, Bashkir, Uzbek and Tajik
# Kazakh writes letters of two groups, and each neighbour lacks one group entirely:
# ғ қ ұ are missing from Kyrgyz and Tatar; ә і ң ө ү ұ һ are missing from Uzbek and Tajik.
GROUP_A = frozenset("ғқұҒҚҰ")
GROUP_B = frozenset("әіңөүұһӘІҢӨҮҰҺ")
KAZAKH_SHARED = frozenset("ңөүҢӨҮ")  # Kazakh and Kyrgyz (and Tatar, Bashkir, Mongolian)
# A letter of one of these languages, never written in Kazakh.
FOREIGN_CYRILLIC = {
    "uk": set("їєґЇЄҐ"),
    "be": set("ўЎ"),  # also Uzbek Cyrillic
    "uz": set("ҳҲ"),
    "tt": set("җҖ"),
    "ba": set("ҡҙҫҠҘҪ"),
    "tg": set("ӣӯҷӢӮҶ"),
    "sr": set("ђјљњћџЂЈЉЊЋЏ"),
}
