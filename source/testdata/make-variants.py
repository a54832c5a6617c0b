#!/usr/bin/env python3
"""Builds the test files of package source from real data (run once, by hand;
tests do not run it). See README.md in this folder for what each file is."""
import csv, io, json, re, sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data'
HUB = SHARED + '/client-application/hub-du-sud-8b2dea59-2024-09-12/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json'
ANTILLES = SHARED + '/mednum-cli/f382183-2023-05-18/mednum-hub-antilles.json'
ROWS = [0, 1, 2, 3, 4, 20, 34, 36, 42, 47, 50, 63, 74, 87, 97, 124, 134, 138, 161, 183, 240, 291, 342, 410, 469, 490, 537, 552]

V1 = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'complement_adresse', 'latitude',
      'longitude', 'typologie', 'telephone', 'courriels', 'site_web', 'horaires', 'presentation_resume',
      'presentation_detail', 'source', 'itinerance', 'structure_parente', 'date_maj', 'services',
      'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'frais_a_charge',
      'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels', 'modalites_acces',
      'modalites_accompagnement', 'fiche_acces_libre', 'prise_rdv']
MULTI = ['typologie', 'itinerance', 'services', 'publics_specifiquement_adresses', 'prise_en_charge_specifique',
         'frais_a_charge', 'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels',
         'modalites_acces', 'modalites_accompagnement']
LABELS = {'CNFS': 'Conseillers numériques', 'France Services': 'France Services', 'Aidants Connect': 'Aidants Connect'}

hub = json.load(open(HUB, encoding='utf-8'))
extract = [hub[i] for i in ROWS]
with open('hub-du-sud-v1-extrait.json', 'w', encoding='utf-8') as f:
    json.dump(extract, f, ensure_ascii=False, indent=2)
    f.write('\n')
with open('antilles-extrait.json', 'w', encoding='utf-8') as f:
    json.dump(json.load(open(ANTILLES, encoding='utf-8'))[:3], f, ensure_ascii=False, indent=2)
    f.write('\n')


def typologie(nom):
    n = nom.lower()
    if 'médiathèque' in n:
        return 'BIB'
    if 'france services' in n:
        return 'RFS'
    if n.startswith(('mairie', 'commune')):
        return 'MUNI'
    if 'centre social' in n:
        return 'CS'
    return ''


def v1(o):
    """The place as a row of the national export (schema 1.x)."""
    r = {k: '' for k in V1}
    for k in V1:
        if k in o:
            r[k] = o[k]
    r['pivot'] = '00000000000000'
    r['typologie'] = typologie(o['nom'])
    r['itinerance'] = 'Itinérant' if o['nom'].startswith('Bus ') else ''
    r['date_maj'] = o['date_maj'] + ' 00:00:00+00:00'
    r['dispositif_programmes_nationaux'] = '|'.join(
        LABELS[l] for l in o.get('labels_nationaux', '').split(';') if l in LABELS)
    if o['id'] == hub[20]['id']:
        r['presentation_detail'] = 'Accès libre aux ordinateurs.\nAteliers le mardi ; inscription à l’accueil.'
    return r


rows = [v1(o) for o in extract]


def write_csv(path, delimiter, quoting, encoding, bom, lineterminator='\n', transform=lambda s: s):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    w.writerow(V1)
    for r in rows:
        w.writerow([transform(str(r[k])) if r[k] != '' else '' for k in V1])
    data = buf.getvalue().encode(encoding)
    with open(path, 'wb') as f:
        f.write(bom + data)


# National export 2026: pandas to_csv(sep=";", encoding="utf-8-sig"), minimal quoting.
write_csv('national-export.csv', ';', csv.QUOTE_MINIMAL, 'utf-8', b'\xef\xbb\xbf')
# Same, saved from Excel as "CSV (séparateur : point-virgule)": Windows-1252, CRLF.
write_csv('windows-1252.csv', ';', csv.QUOTE_MINIMAL, 'cp1252', b'', '\r\n')
# Excel "Texte Unicode": UTF-16 LE with BOM, tab-separated, CRLF.
write_csv('utf-16le.csv', '\t', csv.QUOTE_MINIMAL, 'utf-16-le', b'\xff\xfe', '\r\n')


# mednum-cli (2023-2025): ',' and every defined cell quoted, '"' replaced by U+FF02, newlines removed.
def mednum_cli():
    out = [','.join('"%s"' % k for k in V1)]
    for r in rows:
        cells = []
        for k in V1:
            v = r[k]
            cells.append('' if v == '' else '"%s"' % str(v).replace('"', '\uff02').replace('\n', ' '))
        out.append(','.join(cells))
    with open('mednum-cli.csv', 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))


mednum_cli()

# National GeoJSON export (view opendata.lieux_geojson): jsonb key order (length, then bytes),
# nested adresse and contacts, arrays for multi-valued fields, no date_maj.
VOIE = re.compile(r'^(\d+)\s*(bis|ter|quater|B|T)?\s+(.*)$', re.I)


def jsonb(o):
    if isinstance(o, dict):
        return {k: jsonb(o[k]) for k in sorted(o, key=lambda k: (len(k.encode()), k.encode()))}
    if isinstance(o, list):
        return [jsonb(v) for v in o]
    return o


def feature(r):
    m = VOIE.match(r['adresse'])
    numero, repetition, voie = (m.group(1), m.group(2), m.group(3)) if m else (None, None, r['adresse'])
    contacts = {k: v for k, v in {'telephone': r['telephone'] or None, 'site_web': r['site_web'] or None,
                                   'courriels': {'email': r['courriels']} if r['courriels'] else None}.items() if v}
    props = {
        'structure_cartographie_nationale_id': r['id'], 'siret': None, 'rna': None, 'nom': r['nom'],
        'adresse': {'numero_voie': numero, 'repetition': repetition, 'nom_voie': voie,
                    'complement_adresse': r['complement_adresse'] or None, 'code_postal': r['code_postal'],
                    'nom_commune': r['commune'], 'code_insee': r['code_insee'] or None, 'clef_interop': None,
                    'code_ban': None},
        'typologies': r['typologie'].split('|') if r['typologie'] else None,
        'contacts': contacts, 'horaires': r['horaires'] or None,
        'presentation_resume': r['presentation_resume'] or None,
        'presentation_detail': r['presentation_detail'] or None, 'source': r['source'] or None,
        'fiche_acces_libre': r['fiche_acces_libre'] or None, 'prise_rdv': r['prise_rdv'] or None,
    }
    for k in MULTI:
        if k != 'typologie':
            props[k] = r[k].split('|') if r[k] else None
    geometry = None
    if r['latitude'] != '':
        geometry = {'type': 'Point', 'coordinates': [r['longitude'], r['latitude']]}
    return jsonb({'type': 'Feature', 'geometry': geometry, 'properties': props})


with open('national-export.geojson', 'w', encoding='utf-8') as f:
    f.write('{"type": "FeatureCollection", "features": [\n')
    f.write(',\n'.join(json.dumps(feature(r), ensure_ascii=False) for r in rows))
    f.write('\n]}\n')
