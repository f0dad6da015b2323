"""Kazakh morphotactics as data: continuation states of suffix templates.

Each state lists (template, features, next state, derived UPOS). Templates use the archiphonemes of
habar.morph.phonology (A а/е, I ы/і, L л/д/т, D д/т, N н/д/т, C н/д/т, B н/д/т, G ғ/г/қ/к, M м/б/п,
P м/б/п, K қ/к, Y (ы/і), W (а/е), S (с), E а/е/й, J ай/ей/й, Q passive, F reflexive).
An empty template is an optional slot. A derived UPOS makes the derivation part of the lemma
(білім + ді -> білімді ADJ). "END" accepts. Costs rank competing readings (lower is more likely).
"""

from __future__ import annotations

# Person/number bundles shared by several states.
P1S = "Number[psor]=Sing|Person[psor]=1"
P2S = "Number[psor]=Sing|Person[psor]=2"
P2SF = "Number[psor]=Sing|Person[psor]=2|Polite=Form"
P3 = "Number[psor]=Plur,Sing|Person[psor]=3"
P1P = "Number[psor]=Plur|Person[psor]=1"
P2PF = "Number[psor]=Plur|Person[psor]=2|Polite=Form"
S1, S2, S2F, S3 = "Number=Sing|Person=1", "Number=Sing|Person=2", "Number=Sing|Person=2|Polite=Form", "Number=Sing|Person=3"
PL1, PL2, PL2F = "Number=Plur|Person=1", "Number=Plur|Person=2", "Number=Plur|Person=2|Polite=Form"

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PRES = "Aspect=Hab|Mood=Ind|Tense=Pres|VerbForm=Fin"
COND = "Mood=Cnd|VerbForm=Conv"
EVID = "Evident=Nfh|Mood=Ind|Tense=Past|VerbForm=Fin"
IMP = "Mood=Imp|VerbForm=Fin"
OPT = "Mood=Opt|VerbForm=Fin"

STATES: dict[str, list[tuple[str, str, str, str]]] = {
    # ---- nominals -------------------------------------------------------------------------------------
    "NOM": [
        ("", "", "NPL", ""),
        ("LI", "", "NOM", "ADJ"),       # білімді, тұзды, сулы
        ("сIз", "", "NOM", "ADJ"),      # баласыз, сусыз
        ("шI", "", "NOM", "NOUN"),      # балықшы, жұмысшы
        ("LIK", "", "NOM", "ADJ"),      # қазақстандық, мемориалдық (abstract nouns are lexicon words)
        ("шIл", "", "NOM", "ADJ"),      # ұлтшыл
        ("LAс", "", "NOM", "NOUN"),     # замандас, сыныптас
        ("GI", "", "NOM", "ADJ"),       # ішкі, кешегі, жылғы
    ],
    "ADJ": [("", "", "NOM", ""), ("YрAK", "Degree=Cmp", "NPL", "")],   # үлкенірек
    "ADV": [("", "", "END", ""), ("GI", "", "NOM", "ADJ")],             # бүгін -> бүгінгі
    "NUM": [("", "", "NPL", ""), ("YншI", "NumType=Ord", "NPL", ""), ("шI", "NumType=Ord", "NPL", ""),  # 5-ші
            ("ншI", "NumType=Ord", "NPL", ""), ("DAGAн", "", "NPL", ""), ("LAп", "", "END", "")],  # 5-нші, ондаған
    "NPL": [("", "", "POSS", ""), ("LAр", "Number=Plur", "POSS", "")],
    "POSS": [
        ("", "", "CASE", ""),
        ("Yм", P1S, "CASE12", ""),
        ("Yң", P2S, "CASE12", ""),
        ("YңIз", P2SF, "CASE", ""),
        ("SI", P3, "CASE3", ""),
        ("YмIз", P1P, "CASE", ""),
        ("YңIздAр", P2PF, "CASE", ""),
    ],
    "CASE": [
        ("", "Case=Nom", "PRED", ""),
        ("NIң", "Case=Gen", "END", ""),
        ("CI", "Case=Acc", "END", ""),
        ("GA", "Case=Dat", "END", ""),
        ("DA", "Case=Loc", "LOCX", ""),
        ("BAн", "Case=Abl", "END", ""),
        ("Mен", "Case=Ins", "END", ""),
        ("Mенен", "Case=Ins", "END", ""),
        ("DAй", "", "END", ""),         # баладай (similative)
        ("шA", "Case=Equ", "END", ""),   # балаша
    ],
    "CASE12": [  # after -(ы)м, -(ы)ң the dative is -а/-е: әкеме, үйіңе
        ("", "Case=Nom", "PRED", ""),
        ("NIң", "Case=Gen", "END", ""),
        ("CI", "Case=Acc", "END", ""),
        ("A", "Case=Dat", "END", ""),
        ("DA", "Case=Loc", "LOCX", ""),
        ("BAн", "Case=Abl", "END", ""),
        ("Mен", "Case=Ins", "END", ""),
        ("DAй", "", "END", ""),
    ],
    "CASE3": [  # after the 3rd person possessive the case takes a pronominal н: үйінде, үйіне, үйінен
        ("", "Case=Nom", "END", ""),
        ("нIң", "Case=Gen", "END", ""),
        ("н", "Case=Acc", "END", ""),
        ("нA", "Case=Dat", "END", ""),
        ("нDA", "Case=Loc", "LOCX", ""),
        ("нAн", "Case=Abl", "END", ""),
        ("мен", "Case=Ins", "END", ""),
        ("менен", "Case=Ins", "END", ""),
        ("нDAй", "", "END", ""),
        ("ншA", "Case=Equ", "END", ""),
    ],
    "LOCX": [("", "", "PRED", ""), ("GI", "", "RELX", "")],   # -дағы / -дегі: үйдегі, қаладағы
    "RELX": [
        ("", "", "END", ""),
        ("LAр", "Number=Plur", "END", ""),
        ("CI", "Case=Acc", "END", ""),
        ("NIң", "Case=Gen", "END", ""),
        ("GA", "Case=Dat", "END", ""),
        ("BAн", "Case=Abl", "END", ""),
    ],
    "PRED": [  # predicative person endings: мұғаліммін, қазақпыз
        ("", "", "END", ""),
        ("MIн", S1, "END", ""),
        ("сIң", S2, "END", ""),
        ("сIз", S2F, "END", ""),
        ("MIз", PL1, "END", ""),
        ("сIңдAр", PL2, "END", ""),
    ],
    # ---- verbs --------------------------------------------------------------------------------------
    "VERB": [
        ("", "", "NEG", ""),
        ("Q", "Voice=Pass", "NEG", ""),            # жасалды, айтылған, салынды
        ("H", "Voice=Pass", "NEG", ""),            # белгіленді, сайланды
        ("Yс", "Voice=Rcp", "VOICE2", ""),         # қиюласып
        # causatives are verbs of their own in UD Kazakh (KTB: сездір, тұрғыз): part of the lemma
        ("DIр", "Voice=Cau", "VOICE2", "VERB"),    # жаздыр, айттыр, қалдыр
        ("GIз", "Voice=Cau", "VOICE2", "VERB"),    # тұрғыз, жеткіз
    ],
    "VOICE2": [("", "", "NEG", ""), ("Q", "Voice=Pass", "NEG", ""), ("H", "Voice=Pass", "NEG", "")],
    "NEG": [
        ("", "", "VFORM", ""),
        ("PA", "Polarity=Neg", "VFORM", ""),
        ("PAй", "Aspect=Perf|Polarity=Neg|VerbForm=Conv", "END", ""),      # бармай
        ("PAстAн", "Polarity=Neg|VerbForm=Conv", "END", ""),               # бармастан
        ("PAс", "Polarity=Neg|Tense=Fut|VerbForm=Part", "PTAIL", ""),      # бармас
    ],
    "VFORM": [
        ("DI", PAST + "|" + S3, "END", ""),
        ("DIм", PAST + "|" + S1, "END", ""),
        ("DIң", PAST + "|" + S2, "END", ""),
        ("DIңIз", PAST + "|" + S2F, "END", ""),
        ("DIK", PAST + "|" + PL1, "END", ""),
        ("DIңдAр", PAST + "|" + PL2, "END", ""),
        ("DIңIздAр", PAST + "|" + PL2F, "END", ""),
        ("E", "Aspect=Imp|VerbForm=Inf", "END", ""),                       # бара, оқи
        ("EмIн", PRES + "|" + S1, "END", ""),
        ("EсIң", PRES + "|" + S2, "END", ""),
        ("EсIз", PRES + "|" + S2F, "END", ""),
        ("EDI", PRES + "|" + S3, "END", ""),
        ("EмIз", PRES + "|" + PL1, "END", ""),
        ("EсIңдAр", PRES + "|" + PL2, "END", ""),
        ("EсIздAр", PRES + "|" + PL2F, "END", ""),
        ("Yп", "Aspect=Perf|VerbForm=Conv", "END", ""),                    # барып
        ("YптI", EVID + "|" + S3, "END", ""),                              # барыпты
        ("YппIн", EVID + "|" + S1, "END", ""),
        ("YпсIң", EVID + "|" + S2, "END", ""),
        ("YпсIз", EVID + "|" + S2F, "END", ""),
        ("YппIз", EVID + "|" + PL1, "END", ""),
        ("сA", COND + "|" + S3, "END", ""),                                 # барса
        ("сAм", COND + "|" + S1, "END", ""),
        ("сAң", COND + "|" + S2, "END", ""),
        ("сAңIз", COND + "|" + S2F, "END", ""),
        ("сAK", COND + "|" + PL1, "END", ""),
        ("сAңдAр", COND + "|" + PL2, "END", ""),
        ("", IMP + "|" + S2, "END", ""),                                    # бар!
        ("шI", IMP + "|" + S2, "END", ""),                                  # айтшы
        ("YңIз", IMP + "|" + S2F, "END", ""),
        ("YңIзшI", IMP + "|" + S2F, "END", ""),
        ("YңдAр", IMP + "|" + PL2, "END", ""),
        ("сIн", OPT + "|" + S3, "END", ""),                                 # барсын
        ("JIн", OPT + "|" + S1, "END", ""),                                 # барайын
        ("JIK", OPT + "|" + PL1, "END", ""),                                # барайық
        ("GAлI", "VerbForm=Conv", "END", ""),                               # барғалы
        ("GAншA", "VerbForm=Conv", "END", ""),                              # барғанша
        ("GAн", "Tense=Past|VerbForm=Part", "PTAIL", ""),                   # барған
        ("EтIн", "Aspect=Imp|VerbForm=Part", "PTAIL", ""),                  # баратын
        ("Wр", "Tense=Fut|VerbForm=Part", "PTAIL", ""),                     # барар
        ("PAK", "Mood=Des|VerbForm=Part", "PTAIL", ""),                     # бармақ
        ("PAKшI", "Mood=Des|VerbForm=Part", "PRED", ""),                    # бармақшы
        ("ушI", "Mood=Pot|VerbForm=Part", "PTAIL", ""),                     # айтушы
        ("у", "VerbForm=Ger", "PTAIL", ""),                                 # бару
        ("GI", "Mood=Des|VerbForm=Ger", "DESP", ""),                        # барғым (келеді)
    ],
    "DESP": [("м", P1S, "END", ""), ("ң", P2S, "END", ""), ("сI", P3, "END", ""), ("мIз", P1P, "END", ""),
             ("ңIз", P2SF, "END", "")],
    "PTAIL": [("", "", "NPL", ""), ("DIK", "", "NPL", "")],             # келгендігі, болғандықтан
    "END": [],
}

# Where the suffixes of a lexicon stem start, by its part of speech. Auxiliaries take no voice (е-н-еді is the verb
# ен, not a passive copula); бол also has a VERB entry for болдыр-, болыс-.
START_STATE = {
    "NOUN": "NOM", "PROPN": "NOM", "ADJ": "ADJ", "VERB": "VERB", "AUX": "NEG", "NUM": "NUM",
    "PRON": "NPL", "DET": "NPL", "ADV": "ADV", "ADP": "END", "INTJ": "END", "CCONJ": "END", "SCONJ": "END",
    "PART": "END", "X": "END",
}

# Rank of a reading: every non-empty morpheme costs, some readings are rarer than their shape suggests.
MORPHEME_COST = 1.0
STATE_COST = {"PRED": 1.5, "VFORM": 0.0, "VERB": 1.5, "VOICE2": 0.5, "NOM": 0.3}
TEMPLATE_COST = {
    ("VERB", "H"): 0.3,
    ("VFORM", "DIK"): 0.5,     # 1st/2nd person forms are rarer than the 3rd in running text
    ("VFORM", "DIң"): 0.5,
    ("VFORM", "сIн"): 0.3,
    ("VFORM", "PAK"): 0.5,     # the -мақ participle is rare next to nouns in -пақ/-бақ (жұмбақ)
    ("VFORM", ""): 1.2,        # a bare verb root read as an imperative
    ("NOM", "GI"): 0.8,
    ("LOCX", "GI"): -0.6,      # -дағы/-дегі is frequent
    ("NOM", "LAс"): 0.8,
    ("NOM", "шIл"): 0.5,
    ("CASE", "шA"): 1.0,
    ("CASE", "DAй"): 0.3,
    ("NEG", "PAс"): 0.3,
    ("VFORM", "Wр"): 0.3,
    ("VFORM", "E"): 0.2,
}
