"""A synthetic corpus of VNA-style articles, for benchmarks.

Articles are assembled from sentence templates with varied people, roles, bodies, documents,
events, places and dates, in the input format DiploGraph reads (`date YYYY-MM-DD` header,
headline, "Hanoi (VNA) –" dateline). Article `n` depends only on (seed, n): a corpus of 1,000
articles is the first 1,000 of a corpus of 10,000, and `article(n)` past the end is a new one.

    python -m benchmarks.generate_corpus OUT_DIR --count 1000 [--seed 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

SURNAMES = ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Vo", "Dang", "Bui", "Do", "Ho",
            "Ngo", "Duong", "Ly", "Phan", "Truong", "Dinh", "Lam", "Mai", "Trinh")
MIDDLE_NAMES = ("Van", "Thi", "Dinh", "Thanh", "Minh", "Duc", "Quoc", "Hai", "Xuan", "Hong",
                "Ngoc", "Anh", "Cong", "Huu", "Kim", "Tuan", "Manh", "Bao")
GIVEN_NAMES = ("Son", "Hue", "Ha", "Lam", "Chinh", "Thuong", "Man", "Tu", "Hung", "Dung",
               "Long", "Phuc", "Quang", "Trung", "Hieu", "Nam", "Binh", "Khanh", "Tam", "Vinh",
               "Linh", "Thao", "Huong", "Mai", "Tien", "Cuong", "Duy", "Thang", "Hoa", "Lan")
FOREIGN_GUESTS = (("Anthony Albanese", "Australia"), ("Hun Manet", "Cambodia"),
                  ("Sonexay Siphandone", "Laos"), ("Anwar Ibrahim", "Malaysia"),
                  ("Lawrence Wong", "Singapore"), ("Prabowo Subianto", "Indonesia"),
                  ("Ferdinand Marcos", "the Philippines"), ("Fumio Kishida", "Japan"),
                  ("Yoon Suk Yeol", "the Republic of Korea"), ("Olaf Scholz", "Germany"),
                  ("Emmanuel Macron", "France"), ("Narendra Modi", "India"), ("Wang Yi", "China"),
                  ("Sergey Lavrov", "Russia"), ("Penny Wong", "Australia"),
                  ("Pedro Sanchez", "Spain"), ("Giorgia Meloni", "Italy"),
                  ("Luiz Inacio Lula da Silva", "Brazil"), ("Christopher Luxon", "New Zealand"),
                  ("Justin Trudeau", "Canada"))
VIETNAMESE_ROLES = ("Minister of Foreign Affairs", "Deputy Minister of Foreign Affairs",
                    "Prime Minister", "Deputy Prime Minister", "President",
                    "Chairman of the National Assembly", "Vice Chairwoman of the National Assembly",
                    "Minister of Industry and Trade", "Minister of Planning and Investment",
                    "Minister of Public Security", "Minister of National Defence",
                    "Chairman of the National Assembly's Committee for External Relations",
                    "Head of the Party Central Committee's Commission for External Relations",
                    "Permanent Member of the Party Central Committee's Secretariat",
                    "Ambassador to Japan", "Ambassador to the United States")
COUNTRIES = ("Japan", "Laos", "Cambodia", "Thailand", "Singapore", "Indonesia", "Malaysia",
             "the Philippines", "Australia", "India", "the Republic of Korea", "China",
             "the United States", "France", "Germany", "Russia", "Brazil", "Spain", "Italy",
             "the United Kingdom", "New Zealand", "Canada", "Mexico", "Chile", "Egypt")
PLACES = ("Hanoi", "Ho Chi Minh City", "Da Nang", "Hai Phong", "Can Tho", "Hue", "Nha Trang",
          "Quang Ninh", "Vientiane", "Phnom Penh", "Jakarta", "Tokyo", "Singapore", "Geneva",
          "New York", "Brussels", "Canberra", "Seoul", "Beijing", "Paris")
BODIES = ("Politburo", "Secretariat", "Party Central Committee", "National Assembly",
          "Government", "Ministry of Foreign Affairs", "National Assembly Standing Committee",
          "Ministry of Industry and Trade", "Vietnam Fatherland Front Central Committee",
          "Central Military Commission", "Central Inspection Commission")
DOCUMENT_KINDS = (("Resolution", "NQ/TW", "Politburo"), ("Directive", "CT/TW", "Secretariat"),
                  ("Conclusion", "KL/TW", "Politburo"), ("Decree", "ND-CP", "Government"),
                  ("Resolution", "NQ-CP", "Government"), ("Decision", "QD-TTg", "Prime Minister"))
TOPICS = ("foreign affairs", "international integration", "economic diplomacy",
          "national defence", "parliamentary diplomacy", "digital transformation",
          "green growth", "science and technology", "people-to-people exchange",
          "overseas Vietnamese affairs", "cultural diplomacy", "sea and island sovereignty")
EVENTS = ("ASEAN Summit", "Diplomatic Conference", "General Assembly of AIPA",
          "Mekong-Lancang Cooperation Foreign Ministers' Meeting",
          "ASEAN Defence Ministers' Meeting",
          "Vietnam-Japan Intergovernmental Committee meeting", "Conference on Overseas Vietnamese",
          "World Economic Forum Annual Meeting", "Asia-Pacific Parliamentary Forum",
          "Viet Nam-Laos Intergovernmental Committee session")
FILLER = (
    "The two sides agreed to step up the exchange of delegations at all levels and through "
    "all channels, and to expand cooperation in trade, investment, education and tourism.",
    "Both sides highlighted the importance of maintaining peace, stability, security and "
    "freedom of navigation and overflight in the region.",
    "He expressed his delight at the sound development of the bilateral relationship over the "
    "past years, especially since the two countries upgraded their ties.",
    "The official suggested that ministries, sectors and localities coordinate closely to "
    "implement the signed agreements effectively and on schedule.",
    "Two-way trade reached a record high last year, and both sides targeted further growth in "
    "the coming years.",
    "Delegates discussed measures to remove obstacles for businesses and to facilitate the "
    "export of agricultural and aquatic products.",
    "Speaking at the event, she said that external relations had become a bright spot among "
    "the country's overall achievements.",
    "The guest thanked the host for the warm welcome and affirmed the wish to deepen the "
    "comprehensive strategic partnership.",
    "They also exchanged views on regional and international issues of mutual concern.",
    "The ministry will continue to support the Vietnamese community abroad so that they can "
    "integrate into the host society while preserving their national identity.",
    "The host briefed the guest on the country's socio-economic situation and its foreign "
    "policy of independence, self-reliance, multilateralisation and diversification.",
    "The two sides pledged to work closely together at multilateral forums, including the "
    "United Nations and the Asia-Pacific Economic Cooperation forum.",
    "On this occasion, the visitor invited the host to pay an official visit at a convenient "
    "time, and the invitation was accepted with pleasure.",
    "Participants proposed that the two countries soon open more direct air routes to promote "
    "tourism and connections between their localities.",
    "According to the ministry, nearly 6 million Vietnamese people are living and working in "
    "more than 130 countries and territories.",
    "Officials pledged to create favourable conditions for investors, especially in renewable "
    "energy, infrastructure, semiconductors and innovation.",
)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def article(index: int, seed: int = 0) -> tuple[str, str]:
    """Article `index` of the corpus with this seed: (file name, text)."""
    rng = random.Random(f"{seed}:{index}")
    date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    host, host_role = person_name(rng), rng.choice(VIETNAMESE_ROLES)
    guest, guest_country = rng.choice(FOREIGN_GUESTS)
    place = rng.choice(PLACES)
    kind, suffix, issuer = rng.choice(DOCUMENT_KINDS)
    number = f"{rng.randrange(1, 200)}-{suffix}" if "/" in suffix else (
        f"{rng.randrange(1, 300)}/{date.year}/{suffix}")
    topic = rng.choice(TOPICS)
    ordinal = rng.randrange(2, 60)
    event = rng.choice(EVENTS)
    colleagues = [(person_name(rng), rng.choice(VIETNAMESE_ROLES)) for _ in range(3)]
    member_body = rng.choice(BODIES)

    headline = f"{host_role} {host.split()[-1]} meets {guest}"
    sentences = [
        f"{place} (VNA) – {host_role} {host} received {guest} of {guest_country} in {place} on "
        f"{date:%B} {date.day}, on the occasion of the {ordinal}th {event}.",
        f"{host}, who is also a member of the {member_body}, said that Vietnam always treasures "
        f"its relations with {guest_country}.",
        f"The two sides reviewed the implementation of {kind} No. {number} dated "
        f"{date:%B} {date.day}, {date.year - rng.randrange(0, 3)} of the {issuer} on {topic}.",
        f"The {ordinal}th {event} was held in {place} from {date:%B} {date.day}, gathering "
        f"delegates from {rng.randrange(5, 40)} countries.",
    ]
    for name, role in colleagues:
        sentences.append(rng.choice((
            f"Also attending the meeting was {role} {name}.",
            f"{role} {name} met {guest} on the sidelines of the {event}.",
            f"Earlier the same day, {name}, {role}, held talks with a delegation of the "
            f"{rng.choice(BODIES)}.",
        )))
    sentences += rng.sample(FILLER, rng.randrange(6, len(FILLER) + 1))
    rng.shuffle(sentences[4:])
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    text = f"date {date.isoformat()}\n{headline}\n\n" + "\n\n".join(paragraphs) + " VNA\n"
    return f"{index:06d}_synthetic.txt", text


def generate(count: int, seed: int = 0, start: int = 0) -> Iterator[tuple[str, str]]:
    """Articles start .. start+count-1, lazily."""
    for index in range(start, start + count):
        yield article(index, seed)


def write_corpus(out_dir: Path, count: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write the articles as UTF-8 .txt files into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(count, seed, start):
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="index of the first article")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out_dir, args.count, args.seed, args.start)
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in paths)
    print(f"wrote {len(paths)} articles ({words} words) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
