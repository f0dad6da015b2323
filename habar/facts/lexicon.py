"""Kazakh cue words for fact rules, kept as data (in the spirit of Yargy grammars, but plain tables).

Verb entries are stems (what habar.morph gives as a lemma: "айт", "мәлімде"); without lemmas a word form matches a
stem when the rest of the form is one of VERB_ENDINGS. Multi-word entries are tuples whose last item is the stem
and whose earlier items are fixed lower-case words ("атап өтті" = ("атап", "өт")).
"""

from __future__ import annotations

# The alphabet regexes use: the 42 Kazakh Cyrillic letters (both cases), Russian ё, Latin and digits.
KAZAKH_LETTERS = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә"
WORD_CHARS = KAZAKH_LETTERS + KAZAKH_LETTERS.upper() + "a-zA-Z0-9"

# "«...» екенін айтты": a partial quote embedded as a that-clause, then a speech verb.
COMPLEMENTIZERS = frozenset({"екенін", "екендігін", "екенін де", "екені", "екендігі", "болатынын", "болғанын"})

# "де-" (say) is matched by its forms only: as a prefix it would also catch "деңгей", "деректер".
SAY_FORMS = frozenset({"деді", "дейді", "деп", "депті", "деген", "дегенді", "дейтін", "деді де", "десе", "дегенін"})
# "деген"/"деп" followed by one of these names a thing ("«Жасыл ел» деп аталатын бағдарлама"): not speech.
NAMING_STEMS = ("атал", "ата", "атан")

SPEECH_VERBS: tuple[str | tuple[str, ...], ...] = (
    "айт", "мәлімде", "хабарла", "түсіндір", "жаз", "ескерт", "сендір", "қос", "жалғастыр", "тоқтал",
    "сөйле", "мойында", "түйінде", "пайымда", "сана", "есепте", "сен", "үміттен", "ойла", "бағала", "шақыр",
    "атап өт", "атап көрсет", "баса айт", "баса көрсет", "баса назар аудар", "мәлім ет", "пікір білдір",
    "жауап бер", "сөзін жалға", "ой бөліс", "мәлімдеме жаса", "жеткіз", "келтір", "толықтыр", "білдір",
    "мақтан", "сынға ал", "ұсын", "шағымдан", "үндеу жаса", "сұра", "жауап қайтар", "ден қой", "қуан",
    "сөзін аяқта", "сөзін қорытындыла", "сөзін түйінде", "сөзін бастады",
)

# Word-final endings of finite and non-finite verb forms (past, present, participle, converb, verbal noun).
VERB_ENDINGS = frozenset({
    "", "ды", "ді", "ты", "ті", "ады", "еді", "йды", "йді", "ған", "ген", "қан", "кен", "п", "ып", "іп",
    "ған еді", "атын", "етін", "йтын", "йтін", "уде", "ғанын", "генін", "қанын", "кенін", "ыпты", "іпті",
    "пты", "пті", "са", "се", "ған болатын", "ген болатын", "қан болатын", "кен болатын", "ады екен",
    "уі", "уін", "ыпты", "ар", "ер", "мақ", "мек", "пақ", "пек", "дық", "дік", "тық", "тік", "ғаны", "гені",
    # passive voice: "қол қойылды", "бөлінеді", "тартылады", "салынған"
    "ылды", "ілді", "лды", "лді", "ылған", "ілген", "ылады", "іледі", "ынады", "інеді", "ынды", "інді", "ынған",
    "інген", "ылуда", "ілуде", "ылатын", "ілетін", "лады", "леді", "ылмақ", "ілмек", "ылып", "іліп", "ыныпты",
})
# Word endings that mark a finite verb, converb or participle in running text, for phrase boundaries when no POS
# tag is known; CLAUSE_FINAL_ENDINGS are shared with nouns ("кетті" / "бекеті") and count only at a clause end.
VERBAL_ENDINGS = ("ып", "іп", "ған", "ген", "қан", "кен", "уда", "уде", "атын", "етін", "йтын", "йтін", "ады",
                  "еді", "йды", "йді", "ынады", "інеді", "ылады", "іледі", "мақ", "мек", "ылды", "ілді")
CLAUSE_FINAL_ENDINGS = ("ды", "ді", "ты", "ті", "мыз", "міз", "ар", "ер", "ңыз", "ңіз", "сыз", "сіз")

# A sentence that starts with one of these and has a speech verb attributes the quote just before it.
ATTRIBUTION_OPENERS: tuple[tuple[str, ...], ...] = (
    ("бұл", "туралы"), ("бұл", "жайында"), ("бұл", "жөнінде"), ("бұл", "жайлы"), ("осы", "туралы"),
    ("осылай", "деп"), ("осылай", "деді"), ("мұны",), ("бұны",), ("мұндай", "пікірді"),
)

# "X-тың айтуынша, «...»": the speaker is the genitive before one of these words.
ACCORDING_TO = frozenset({"айтуынша", "сөзінше", "пікірінше", "мәлімдеуінше", "хабарлауынша", "сөзіне қарағанда"})

# Pronouns that stand for the nearest fitting person.
PRONOUNS = frozenset({"ол", "ол кісі"})

# Role words: canonical form -> class. Roles of one class name the same office ("Үкімет басшысы" = the Prime Minister).
ROLES: dict[str, str] = {
    "Мемлекет басшысы": "head_of_state", "Президент": "head_of_state", "Елбасы": "first_president",
    "Тұңғыш Президент": "first_president", "Премьер-Министр": "head_of_government",
    "Үкімет басшысы": "head_of_government", "Премьер": "head_of_government",
    "вице-премьер": "vice_premier", "Премьер-Министрдің орынбасары": "vice_premier",
    "вице-президент": "vice_president", "вице-министр": "vice_minister", "министр": "minister",
    "әкім": "akim", "төраға": "chair", "басқарма төрағасы": "chair", "президент": "president",
    "депутат": "deputy", "спикер": "speaker", "сенатор": "senator", "елші": "ambassador",
    "директор": "director", "бас директор": "director", "ректор": "rector", "бапкер": "coach",
    "жаттықтырушы": "coach", "хатшы": "secretary", "мемлекеттік хатшы": "secretary", "бастық": "chief",
    "басшы": "head", "жетекші": "head", "өкіл": "representative", "ресми өкіл": "representative",
    "сарапшы": "expert", "маман": "expert", "профессор": "professor", "дәрігер": "doctor",
    "бас дәрігер": "doctor", "прокурор": "prosecutor", "судья": "judge", "омбудсмен": "ombudsman",
    "губернатор": "governor", "мэр": "mayor", "канцлер": "chancellor", "король": "monarch",
    "құрылтайшы": "founder", "тілші": "journalist", "журналист": "journalist", "капитан": "captain",
    "сыртқы істер министрі": "foreign_minister", "бас хатшы": "secretary_general", "қолбасшы": "commander",
    # professions: "– деді режиссер" points to the director the article named
    "режиссер": "director_film", "продюсер": "producer", "жазушы": "writer", "ақын": "poet", "әнші": "singer",
    "актер": "actor", "актриса": "actor", "суретші": "artist", "ғалым": "scientist", "зерттеуші": "scientist",
    "спортшы": "athlete", "боксшы": "athlete", "балуан": "athlete", "теннисші": "athlete", "футболшы": "athlete",
    "шахматшы": "athlete", "инвестор": "investor", "кәсіпкер": "entrepreneur", "фермер": "farmer",
    "синоптик": "forecaster", "кітапханашы": "librarian", "мұғалім": "teacher", "ұстаз": "teacher",
    "дәрігер-вирусолог": "doctor", "заңгер": "lawyer", "адвокат": "lawyer", "экономист": "economist",
    "саясаттанушы": "analyst", "талдаушы": "analyst",
}
# How a multi-word role is matched: fixed words, then the stem of the last word, which carries the izafet
# possessive in the canonical form ("Мемлекет басшы|сы"); habar.morph's lemma of "басшысы" is "басшы".
ROLE_PARTS: dict[str, tuple[str, ...]] = {
    "Мемлекет басшысы": ("мемлекет", "басшы"), "Үкімет басшысы": ("үкімет", "басшы"),
    "басқарма төрағасы": ("басқарма", "төраға"), "сыртқы істер министрі": ("сыртқы", "істер", "министр"),
    "Премьер-Министрдің орынбасары": ("премьер-министрдің", "орынбасар"),
}

# Nominal endings (plural x possessive x case), generated below: "министрі", "Премьер-Министрдің", "меморандумға".
_PLURAL = ("", "лар", "лер", "дар", "дер", "тар", "тер")
_POSSESSIVE = ("", "ы", "і", "сы", "сі", "ымыз", "іміз", "мыз", "міз")
_CASES = ("", "ның", "нің", "дың", "дің", "тың", "тің", "ң", "ға", "ге", "қа", "ке", "на", "не", "а", "е",
          "ны", "ні", "ды", "ді", "ты", "ті", "н", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан",
          "тен", "нан", "нен", "мен", "бен", "пен", "ымен", "імен", "менен", "ғы", "гі", "қы", "кі", "дағы",
          "дегі", "тағы", "тегі", "ндағы", "ндегі")
NOMINAL_ENDINGS = frozenset(p + q + c for p in _PLURAL for q in _POSSESSIVE for c in _CASES)
ROLE_ENDINGS = NOMINAL_ENDINGS

# Case of a nominal from its last ending, longest first; what is left unmarked is nominative (or possessive).
CASE_OF_ENDING: dict[str, str] = {
    **dict.fromkeys(("ның", "нің", "дың", "дің", "тың", "тің"), "Gen"),
    **dict.fromkeys(("ға", "ге", "қа", "ке", "на", "не"), "Dat"),
    **dict.fromkeys(("ны", "ні", "ын", "ін", "сын", "сін"), "Acc"),
    **dict.fromkeys(("да", "де", "та", "те", "нда", "нде"), "Loc"),
    **dict.fromkeys(("дан", "ден", "тан", "тен", "нан", "нен"), "Abl"),
    **dict.fromkeys(("мен", "бен", "пен", "менен", "ымен", "імен"), "Ins"),
}

AGREEMENT_KINDS: dict[str, str] = {
    "меморандум": "меморандум", "келісімшарт": "келісімшарт", "келісім-шарт": "келісімшарт",
    "келісім": "келісім", "шарт": "шарт", "хаттама": "хаттама", "мәміле": "мәміле",
    "декларация": "декларация", "ынтымақтастық туралы меморандум": "меморандум",
}
SIGNING_VERBS: tuple[str | tuple[str, ...], ...] = (
    "қол қой", "жасас", "жасал", "бекіт", "ратификацияла", "қол жеткіз", "келіс", "ресімде", "түз",
)
# Head nouns of organisation names: a noun phrase ending in one of them (nominative) can be a party even when the
# NER split or missed the name ("«Зерде» Холдингі» АҚ", "Ұлттық ақпараттық қоғам агенттігі").
ORG_HEADS = (
    "ақ", "жшс", "ұк", "холдинг", "агенттік", "компания", "министрлік", "банк", "корпорация", "қор", "университет",
    "әкімдік", "орталық", "ұйым", "қауымдастық", "палата", "комитет", "департамент", "институт", "зауыт",
    "кәсіпорын", "ассоциация", "одақ", "үкімет", "республика", "федерация", "академия", "кеңес", "серіктестік",
    "концерн", "группа", "топ", "биржа", "клуб", "фонд", "министрлігі", "әкімдігі", "агенттігі", "бюро",
    "қызмет", "ведомство", "штаб", "инспекция", "прокуратура", "сот", "мәслихат", "парламент", "сенат", "мәжіліс",
)
# Words that join two parties; "X пен Y" is written apart, "X-пен" attached.
COORDINATORS = frozenset({"және", "мен", "бен", "пен", "әрі"})

MEETING_WORDS: dict[str, str] = {
    "кездесу": "кездесу", "келіссөз": "келіссөз", "форум": "форум", "саммит": "саммит", "отырыс": "отырыс",
    "жиын": "жиын", "семинар": "семинар", "конференция": "конференция", "сұхбат": "сұхбат",
    "кеңес": "кеңес", "сапар": "сапар",
}
MEETING_VERBS: tuple[str | tuple[str, ...], ...] = (
    "кездес", "өт", "бас қос", "келіссөз жүргіз", "талқыла", "қабылда", "ұйымдастыр", "сапармен бар",
)

# Investments and budgets: the money must sit next to one of these nouns or verbs.
INVESTMENT_WORDS: tuple[str | tuple[str, ...], ...] = (
    "инвестиция", "қаржы", "қаражат", "бюджет", "грант", "несие", "кредит", "субсидия", "қор",
    "бөл", "сал", "тарт", "жұмса", "қаржыландыр", "инвестицияла", "жұмсал",
)
# The purpose is a dative or "үшін/мақсатында" phrase; these stand for the previous sentence's subject.
ANAPHORIC_PURPOSE = frozenset({"осы бағыт", "бұл бағыт", "осы мақсат", "бұл мақсат", "осы жоба", "бұл жоба",
                               "осы іс", "бұл іс", "оған", "бұған", "осыған"})
PURPOSE_POSTPOSITIONS = ("үшін", "мақсатында", "мақсатымен", "бойынша", "аясында")
PERIOD_UNITS = {"жыл": "year", "ай": "month", "апта": "week", "күн": "day", "тоқсан": "quarter"}
PERIOD_TAILS = ("ішінде", "бойы", "көлемінде", "мерзімге", "мерзімде", "жылда", "жылға", "айда", "айға")

# Sentences that are site furniture, not news: a summary never picks them.
BOILERPLATE = (
    "telegram", "телеграм", "жазылыңыз", "жазылып", "жазылу", "instagram", "facebook", "whatsapp", "youtube",
    "арнамызға", "парақшамызға", "сілтеме", "материалды көшіріп", "барлық құқықтар", "фото:", "фото ",
    "видео:", "оқи отырыңыз", "толығырақ",
    "естеріңізге сала", "айта кетейік", "еске салайық", "жарнама", "cookie", "redaction", "© ",
)

# Sentence openers that lean on the sentence before ("Бұдан кейін ...", "Мұны ... атап өтті"): a summary sentence
# should stand on its own, so these are ranked down.
DANGLING_OPENERS = ("бұдан кейін", "бұдан басқа", "осылай", "мұны", "бұны", "бұл ", "ол ", "олар ", "сондай-ақ",
                    "алайда", "демек", "сонымен қатар", "сонымен", "сондықтан", "дегенмен", "оның ", "онда ")
DANGLING_WORDS = ("осылай деп", "осылай деді", "бұл туралы")

# Function words that end a noun phrase for keyphrases.
STOP_WORDS = frozenset("""
және мен бен пен да де та те не немесе әрі бірақ алайда дегенмен сондай-ақ сонымен қатар себебі өйткені
егер онда сол бұл осы ол олар біз біздің сіз мен оның олардың мұны бұны осындай мұндай сондай қандай
үшін туралы бойынша арқылы кейін дейін бері соң қарай шейін арасында ішінде кезінде жылы жылғы
ең өте аса тым әр барлық бәрі көп аз бір екі үш деп деді екен еді болды болып болады болатын
бар жоқ емес тиіс керек қажет мүмкін ғана тек та да ма ме ба бе па пе ше шы ші ау сияқты секілді
екен екенін екенін екені екенін екендігін болса болған болуы бүгінде қазіргі кезде сәйкес мәліметінше деректеріне нәтижесінде сонда жалпы
деген дейді айтты атап өтті мәлімдеді хабарлады жатыр отыр тұр жүр қазір бүгін кеше ертең биыл былтыр
ондай мынадай осыдан бұдан одан соңғы алғашқы бірнеше түрлі кейбір басқа өзге өз өзі өздері бүкіл
астам шамамен жуық артық кем
""".split()) | frozenset(
    # Postpositional nouns: a case form of "ара", "барыс", "шеңбер" works as a preposition ("жиын барысында" is
    # "during the meeting"), so it ends a phrase and is never a keyphrase itself.
    f"{stem}{ending}" for stem in ("ара", "барыс", "шеңбер", "ая", "бой", "негіз", "арқа", "тарап", "көлем",
                                   "мақсат", "жөн", "жай", "қатар", "алд", "соң", "кез", "уақыт", "нәтиже")
    for ending in ("ында", "інде", "сында", "сінде", "ынан", "інен", "сынан", "сінен", "ына", "іне", "сына",
                   "сіне", "ындағы", "індегі", "сындағы", "сіндегі"))

# "-дағы/-дегі" (and -тағы, -ндағы) make a noun an attribute of the next one ("технологиялар саласындағы
# ынтымақтастық"): the phrase before it is a complement, so such a word ends the phrase and is not kept.
ATTRIBUTIVE_LOCATIVE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")
