"""Boilerplate line rules for kk, ru and en, kept as data.

Each rule is (reason, max_chars, pattern), where pattern may be a tuple of patterns that must all match.
Patterns are written in lower case and run on the lower-cased line; one that starts with "^" is tried at the
line's start only, so every alternative in it must be anchored. A line is boilerplate when the pattern matches
it and the line (stripped) is at most `max_chars` long: the length limit keeps a news
sentence that merely mentions Telegram or a subscription from being taken for a call to subscribe.
Patterns name Kazakh letters explicitly (ә ғ қ ң ө ұ ү һ і), never through \\w-like classes.
"""

from __future__ import annotations

CASED = {"breadcrumb"}  # rules whose patterns see the line's own case

# Networks and messengers that "follow us" lines name.
NETWORKS = (
    r"telegram|телеграм|tg|whatsapp|ватсап|instagram|инстаграм|facebook|фейсбук|youtube|ютуб|tiktok|тикток"
    r"|twitter|твиттер|vk|вконтакте|одноклассники|threads|дзен|viber|вайбер"
)
# Calls to act: subscribe, join, follow, read, watch (kk, ru, en stems).
# Only the forms that address the reader: news sentences say "тіркелген" (registered), "бақылау" (control),
# "жазылған" (written) and "подписал" (signed) beside a network's name all the time.
CALLS = (
    r"жазылыңыз|жазылыңдар|жазылып|жазылу|қосылыңыз|қосылыңдар|қосылу|бақылаңыз|бақылап отырыңыз|оқыңыз|қараңыз"
    r"|көріңіз|біліңіз|тіркеліңіз|парақшамыз|арнамыз|каналымыз"
    r"|подпишитесь|подписывайтесь|подписаться|подписку|присоединяйтесь|присоединиться|читайте|следите|смотрите"
    r"|узнавайте|переходите|наш канал|нашем канале"
    r"|subscribe|follow us|join us|join our|our channel"
)

MONTHS = (
    r"қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
    r"|январ[ья]|феврал[ья]|март[а]?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август[а]?|сентябр[ья]|октябр[ья]"
    r"|ноябр[ья]|декабр[ья]|january|february|march|april|may|june|july|august|september|october|november"
    r"|december"
)
_DATE = rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}(?:\s*(?:ж\.?|жыл|г\.?|года))?)"
_TIME = r"\d{1,2}:\d{2}"
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_ITEM = rf"[{_UPPER}][^\s|/>»\d.!?,:;«»\"]*(?: [^\s|/>»\d.!?,:;«»\"]+)?"

RULES: list[tuple[str, int, str | tuple[str, ...]]] = [
    # a line that is nothing but the publication date and time (the article's date is metadata)
    ("dateline", 40, rf"^(?:{_TIME}\s*[,|•·-]?\s*)?{_DATE}(?:\s*[,|•·-]?\s*{_TIME})?$"),
    # a date with times and view counters around it, nothing else ("10.07.2024 | 18:30 | 👁 4 120")
    ("dateline", 60, r"^(?=.*\d{1,2}[./]\d{1,2}[./]\d{2,4})[\d\s.:/,|•·👁\ufe0f-]+$"),
    # subscription and "follow us" calls
    ("subscribe", 300, (rf"\b(?:{NETWORKS})", rf"(?:{CALLS})")),  # a network and a call, in either order
    ("subscribe", 40, r"^(?:жазылу|жазылыңыз|подписаться|подпишитесь|subscribe|қосылу|присоединиться)\W*$"),
    ("subscribe", 200, r"арнамызға (?:қосыл|жазыл)|парақшамызға (?:қосыл|жазыл)|подписывайтесь на наш"),
    ("subscribe", 120, r"^(?:ең соңғы жаңалықтар(?: осында| бізде)|самые свежие новости|все главные новости)"),
    ("subscribe", 60, rf"^(?:(?:{NETWORKS})\b[\s,|•·/-]*)+$"),
    # share buttons
    ("share", 60, r"^(?:бөлісу|бөлісіңіз|поделиться|share|share this|twitter-де бөлісу|facebook-та бөлісу)\W*$"),
    ("share", 120, r"(?:досыңызбен|достарыңызбен|желіде) бөлісіңіз|поделитесь (?:с друзьями|новостью)|share with (?:your )?friends"),
    # "read also" and related-article links
    ("read-also", 300, r"^(?:сондай-ақ оқыңыз|тағы оқыңыз|оқи отырыңыз|оқыңыз|толығырақ|толық оқу|байланысты жаңалықтар"
                       r"|тақырып бойынша|тақырыпқа қатысты|тақырыпты жалғастырамыз)\s*[:：-]"),
    ("read-also", 300, r"^(?:читайте также|читайте еще|читайте ещё|смотрите также|подробнее|по теме|похожие новости)\s*[:：-]?"),
    ("read-also", 300, r"^(?:read also|read more|see also|related|related news|more on this)\s*[:：-]?"),
    ("read-also", 60, r"^(?:тағы да оқыңыз|сондай-ақ оқыңыз|толығырақ|толық оқу|читать далее|read more)\W*$"),
    # copyright and reprint conditions
    ("copyright", 200, r"^(?:\s*©|\(c\)\s)"),
    ("copyright", 200, r"барлық құқықтар қорғалған|все права защищены|all rights reserved"),
    ("copyright", 250, r"(?:материалдарды|материалды|мақаланы) (?:көшіріп|пайдалан).{0,120}(?:сілтеме|гиперсілтеме)"),
    ("copyright", 250, r"при (?:перепечатке|использовании|цитировании) материалов.{0,120}ссылка"),
    ("copyright", 200, r"редакция пікірі автордың|мнение редакции может не совпадать|автор пікірі редакция"),
    # error-report and comment widgets
    ("widget", 200, r"ctrl\s*\+\s*enter"),
    ("widget", 60, r"^(?:пікір қалдыру|пікірлер|пікір жазу|комментарии|оставить комментарий|comments?|leave a comment)\W*(?:\(?\d+\)?)?$"),
    ("widget", 60, r"^(?:жарнама|реклама|advertisement|sponsored)\W*$"),
    ("widget", 60, r"^(?:тегтер|тэгтер|теги|тэги|tags)\s*:"),
    ("widget", 60, r"^(?:қаралды|қаралым|көрілім|просмотров|просмотры|views)\s*:?\s*[\d\s]+$"),
    ("widget", 60, r"^(?:басты бет|главная|home)\s*(?:[/>»|]\s*\S.*)?$"),
    # photo and video credits
    ("credit", 120, r"^(?:фото|сурет|бейне|видео|photo|video)\s*(?::|—|–|-)\s*\S"),
    ("credit", 120, r"^(?:фото|сурет|суреттер|фотосурет)\s+(?:ашық дереккөздерден|интернеттен|автордың|из открытых источников)"),
    ("credit", 60, r"^(?:дереккөз|ақпарат көзі|источник|source)\s*:\s*\S+(?:\s\S+)?$"),
    # a breadcrumb: two to five capitalised items of one or two words between | / > or » ("Жаңалықтар | Қоғам");
    # last, so that a line of network names is told as a subscription call; run on the line as written
    ("breadcrumb", 60, rf"^{_ITEM}(?:\s+[|/>»]\s+{_ITEM}){{1,4}}$"),
]
