#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets (fuzz/seeds/<target>/), all made here: a small page, feed,
crawl, Telegram export, PDF, JSONL file and text per target. Run from the repository root or fuzz/."""
import gzip, json, os, pathlib

root = pathlib.Path(__file__).resolve().parent / "seeds"
PAGE = ('<html><head><title>Shelling</title><meta charset="utf-8"><meta property="og:site_name" content="Courier">'
        '<meta property="article:published_time" content="2024-03-03T09:00:00+02:00"></head><body><article>'
        '<p>Artillery fire hit Vovchansk on Sunday, local officials said.</p><p>Crews cleared debris.</p>'
        '</article></body></html>')

def put(target, name, data):
    d = root / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())

def warc_record(kind, uri, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"

def pdf(line):
    stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += f"{i + 1} 0 obj\n{o}\nendobj\n".encode()
    x = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010} 00000 n \n".encode() for o in offs)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()
    return out

put("input_html", "page.html", PAGE)
put("input_html", "cp1251.html", '<html><head><meta charset="windows-1251"></head><body><p>Обстріл Харкова</p></body></html>'.encode("cp1251"))
put("input_text", "report.txt", "KYIV, July 28 (Reuters) - Russian forces shelled Kupiansk overnight, the governor said.")
put("input_text", "report.txt.gz", gzip.compress(b"Shelling hit Izium on Monday."))
put("input_text", "page.html", PAGE)
rss = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title><item><title>Strike</title>'
       '<guid>a1</guid><pubDate>Fri, 12 Aug 2022 00:30:00 +0300</pubDate><description>&lt;p&gt;Ukraine&amp;#8217;s army said.&lt;/p&gt;'
       '</description></item></channel></rss>')
put("input_feed", "rss.xml", rss)
put("input_feed", "rss16.xml", b"\xff\xfe" + rss.replace("UTF-8", "UTF-16").encode("utf-16-le"))
put("input_feed", "atom.xml", '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><updated>2023-07-28T10:00:00Z</updated><content type="html">Shelling hit Lyman.</content></entry></feed>')
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + PAGE.encode()
chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + \
    f"{len(PAGE):x}\r\n".encode() + PAGE.encode() + b"\r\n0\r\n\r\n"
zipped = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gzip.compress(PAGE.encode())
warc = (warc_record("warcinfo", "", b"software: seed\r\n") + warc_record("response", "https://a.example/1", http)
        + warc_record("response", "https://a.example/2", chunked) + warc_record("response", "https://a.example/3", zipped)
        + warc_record("response", "https://a.example/4", b"HTTP/1.1 301 Moved\r\nLocation: /1\r\n\r\n"))
put("input_warc", "crawl.warc", warc)
put("input_warc", "crawl.warc.gz", gzip.compress(warc))
tg = {"name": "Front News", "type": "public_channel", "id": 123, "messages": [
    {"id": 1, "type": "service", "date": "2023-07-28T08:00:00", "action": "pin_message"},
    {"id": 2, "type": "message", "date": "2023-07-28T09:15:00", "forwarded_from": "Admin",
     "text": ["Shelling hit ", {"type": "bold", "text": "Kupiansk"}, "."]}]}
put("input_telegram", "result.json", json.dumps(tg))
put("input_pdf", "report.pdf", pdf("Russian forces shelled Kupiansk overnight."))
put("input_jsonl", "docs.jsonl", "\n".join(json.dumps(d) for d in [
    {"id": "a", "text": "Shelling hit Kupiansk.", "published": "2023-07-28"},
    {"text": "Drones struck Odesa.", "published": "Fri, 28 Jul 2023 10:00:00 +0000", "source": "Wire"},
    {"text": "Attack repelled.", "published": "7:58 AM ET, Sat January 3, 2015"}]) + "\n{\"id\": broken\n")
put("time_scan", "news.txt", "On Tuesday, July 25, 2023, two days after the strike, officials said that since April at least 3,000 people had fled; last week's attack came at 3 a.m.")
put("time_scan", "dates.txt", "Fri, 12 Aug 2022 00:30:00 +0300")
put("api_filter", "events.txt", "from=2023-07-01&to=2023-07-31&near=48.5,37.9&radius=25&verification=disputed&country=Ukraine&bbox=30,44,40,52&limit=10")

# GeoNames dumps: a country table, an alternate-names table, and the same zipped (the dump reader's target), and
# an index imported from them by the sitrep binary (the index opener's target).
import io, struct, subprocess, tempfile, zipfile
PLACES = "".join("\t".join(map(str, row)) + "\n" for row in [
    (703448, "Kyiv", "Kyiv", "Kiev,Kyjiw,Київ", 50.45466, 30.5238, "P", "PPLC", "UA", "", "12", "", "", "", 2797553, "", 187, "Europe/Kyiv", "2023-01-01"),
    (706483, "Kharkiv", "Kharkiv", "Kharkov,Харків", 49.98081, 36.25272, "P", "PPLA", "UA", "", "07", "", "", "", 1430885, "", 152, "Europe/Kyiv", "2023-01-01"),
    (704617, "Kupiansk", "Kupiansk", "Kupyansk,Куп'янськ", 49.71055, 37.61517, "P", "PPLA2", "UA", "", "07", "", "", "", 27169, "", 100, "Europe/Kyiv", "2023-01-01"),
    (709929, "Donetsk Oblast", "Donetsk Oblast", "", 48.0, 37.5, "A", "ADM1", "UA", "", "05", "", "", "", 4100280, "", 200, "Europe/Kyiv", "2023-01-01")])
ALT = "".join("\t".join(map(str, row)) + "\n" for row in [
    (1, 703448, "uk", "Київ", 1, "", "", "", "", ""), (2, 706483, "ru", "Харьков", "", "", "", "", "", ""),
    (3, 704617, "en", "Kupyansk", "", "", "", "", "", "")])
put("gazetteer_import", "places.bin", b"\x00" + PLACES.encode())
put("gazetteer_import", "alt.bin", b"\x01" + ALT.encode())
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("XX.txt", PLACES)
    z.writestr("readme.txt", "GeoNames")
put("gazetteer_import", "zip.bin", b"\x02" + buf.getvalue())
sitrep = pathlib.Path(__file__).resolve().parent.parent / "target" / "release" / "sitrep"
if sitrep.exists():
    with tempfile.TemporaryDirectory() as tmp:
        dump = pathlib.Path(tmp) / "XX.txt"
        dump.write_text(PLACES)
        (pathlib.Path(tmp) / "alternateNamesV2.txt").write_text(ALT)
        out = pathlib.Path(tmp) / "index"
        subprocess.run([str(sitrep), "gazetteer", "import", "-q", "--out", str(out), str(dump),
                        str(pathlib.Path(tmp) / "alternateNamesV2.txt")], check=True)
        fst, data, manifest = ((out / n).read_bytes() for n in ("names.fst", "places.bin", "manifest.txt"))
        body = struct.pack("<II", len(fst), len(data)) + fst + data + manifest
        put("gazetteer_open", "as_written.bin", b"\x00" + body)
        put("gazetteer_open", "manifest_recomputed.bin", b"\x01" + body)
else:
    print(f"no {sitrep}: build it (cargo build --release) for the gazetteer_open seeds")
