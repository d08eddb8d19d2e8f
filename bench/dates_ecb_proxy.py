"""Proxy evaluation of date expressions (issue 11): we have no TimeML data.

Gold extents are ECB+ TIME_DATE markables (topics 18-35, held out; only
`ecbplus` documents, which carry a date line used as the article date),
in the sentences whose annotation is complete (ECBplus_coreference_sentences.csv),
not counting the title and date lines. ECB+ gives no normalised values, so
this scores *detection* (an expression of ours overlapping a gold extent),
per granularity of the gold text (a rule on its words: weekday, day number
or today/yesterday -> day; "week" -> week; a month name -> month; a year or
"year" -> year; else other). Values are hand-checked separately
(bench/briefing_sample.sh dates). Usage: after bench/briefing_sample.sh has
written $OUT/extract.json: python3 bench/dates_ecb_proxy.py $OUT
"""
import csv, json, os, re, sys
import xml.etree.ElementTree as ET

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "ecbplus_dev")
MONTHS = "january february march april may june july august september october november december".split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


def granularity(text):
    w = re.findall(r"[a-z0-9]+", text.lower())
    if any(x in WEEKDAYS or x in ("today", "yesterday", "tomorrow", "tonight") for x in w):
        return "day"
    if any(x in MONTHS for x in w):
        return "day" if any(x.isdigit() and len(x) <= 2 for x in w) else "month"
    if any(x in ("week", "weeks", "weekend") for x in w):
        return "week"
    if any(x in ("month", "months") for x in w):
        return "month"
    if any((x.isdigit() and len(x) == 4) or x in ("year", "years") for x in w):
        return "year"
    if any(x in ("day", "days") for x in w):
        return "day"
    return "other"


def words(s):
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def main(out):
    complete = set()
    with open(os.path.join(DATA, "ECBplus_coreference_sentences.csv")) as f:
        for row in csv.DictReader(f):
            complete.add((row["Topic"], row["File"], int(row["Sentence Number"])))
    ours = {}
    for d in json.load(open(os.path.join(out, "extract.json"))):
        ours[os.path.basename(d["path"])] = d
    counts = {}
    def bump(g, k):
        counts.setdefault(g, {"tp": 0, "fn": 0, "fp": 0})[k] += 1
    for line in open(os.path.join(DATA, "docs.jsonl")):
        doc = json.loads(line)
        if doc["topic"] < 18 or doc["subtopic"] != "ecbplus":
            continue
        d = ours.get(f"ecb_{doc['doc_id']}.txt")
        if d is None or d["date"].startswith("2026"):
            continue  # no date line read: relative dates cannot be resolved
        if d["title"].strip() != doc["text"].split("\n")[0].strip():
            continue  # paragraphs would not line up with sentences
        topic, name = doc["doc_id"].split("_", 1)
        root = ET.parse(os.path.join(DATA, "xml", topic, doc["doc_id"] + ".xml")).getroot()
        tok = {t.get("t_id"): (int(t.get("sentence")), t.text or "") for t in root.iter("token")}
        # Sentence s of the XML is line s-1 of the text (the url line is
        # removed); lines 0 and 1 (title, date line) are not scored.
        gold = {}
        for m in root.find("Markables"):
            if m.tag != "TIME_DATE":
                continue
            ids = [a.get("t_id") for a in m.findall("token_anchor")]
            if not ids:
                continue
            s = tok[ids[0]][0]
            if s < 3 or (topic, name, s) not in complete:
                continue
            gold.setdefault(s, []).append(" ".join(tok[i][1] for i in ids))
        # Prose paragraph p is line p + k, k the number of lead lines read
        # as metadata (title, date lines): the k under which most of our
        # expressions are found in their line.
        lines = doc["text"].split("\n")
        def fits(k):
            return sum(1 for m in d["dates"] if m["paragraph"] + k < len(lines)
                       and m["expression"] in lines[m["paragraph"] + k])
        k = max([1, 2, 3], key=lambda k: (fits(k), -k))
        mine = {}
        for m in d["dates"]:
            line = m["paragraph"] + k
            if line >= len(lines) or m["expression"] not in lines[line]:
                continue
            s = line + 1
            if s >= 3 and (topic, name, s) in complete:
                mine.setdefault(s, []).append(m["expression"])
        for s in set(gold) | set(mine):
            g_list, m_list = gold.get(s, []), list(mine.get(s, []))
            for g in g_list:
                hit = next((x for x in m_list if words(x) & words(g) - {"the", "a", "of", "on", "in"}), None)
                if hit is not None:
                    m_list.remove(hit)
                    bump(granularity(g), "tp")
                else:
                    bump(granularity(g), "fn")
                    if VERBOSE:
                        print(f"FN {doc['doc_id']} s{s} {g!r} | {lines[s - 1][:140]}")
            for x in m_list:
                bump(granularity(x), "fp")
                if VERBOSE:
                    print(f"FP {doc['doc_id']} s{s} {x!r} | {lines[s - 1][:140]}")
    print("granularity   gold  tp  fn  fp  P     R     F1")
    for g in ["day", "week", "month", "year", "other"]:
        c = counts.get(g, {"tp": 0, "fn": 0, "fp": 0})
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        f = 2 * p * r / max(1e-9, p + r)
        print(f"{g:12} {c['tp'] + c['fn']:5} {c['tp']:3} {c['fn']:3} {c['fp']:3}  {p:.2f}  {r:.2f}  {f:.2f}")


VERBOSE = "-v" in sys.argv

if __name__ == "__main__":
    main(sys.argv[1])
