"""States and international organisations that event data name, with relgraph's ids for them.

Ids are the lowercase slug of the common English name, the same as the
curated example's (``RUS`` is ``russia``, ``USA`` is ``united-states``).
Wikidata ids are given where we are sure of them. ``aliases`` are other
names the datasets use (ICEWS writes ``Russian Federation``, ACLED writes
``Military Forces of Russia (2000-)``, which :mod:`relgraph.ingest.events.actors`
reduces to ``Russia``).

>>> COUNTRIES["RUS"].id, COUNTRIES["RUS"].wikidata
('russia', 'Q159')
>>> country_by_name("Russian Federation").code
'RUS'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CAMEO_CODES", "COUNTRIES", "GROUPS", "REGIONS", "Country", "Group", "country_by_name"]


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166 alpha-3
    id: str
    name: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """An international organisation or armed group with its own CAMEO known-group code."""

    code: str
    id: str
    name: str
    kind: str
    wikidata: str | None = None


# ISO3 | id | name | Wikidata | aliases (";"-separated)
_TABLE = """
AFG|afghanistan|Afghanistan|Q889|
ALB|albania|Albania|Q222|
DZA|algeria|Algeria|Q262|
AND|andorra|Andorra|Q228|
AGO|angola|Angola|Q916|
ARG|argentina|Argentina|Q414|
ARM|armenia|Armenia|Q399|
AUS|australia|Australia|Q408|
AUT|austria|Austria|Q40|
AZE|azerbaijan|Azerbaijan|Q227|
BHS|bahamas|Bahamas|Q778|The Bahamas
BHR|bahrain|Bahrain|Q398|
BGD|bangladesh|Bangladesh|Q902|
BLR|belarus|Belarus|Q184|
BEL|belgium|Belgium|Q31|
BEN|benin|Benin|Q962|
BTN|bhutan|Bhutan|Q917|
BOL|bolivia|Bolivia|Q750|
BIH|bosnia-and-herzegovina|Bosnia and Herzegovina|Q225|Bosnia-Herzegovina
BWA|botswana|Botswana|Q963|
BRA|brazil|Brazil|Q155|
BRN|brunei|Brunei|Q921|Brunei Darussalam
BGR|bulgaria|Bulgaria|Q219|
BFA|burkina-faso|Burkina Faso|Q965|
BDI|burundi|Burundi|Q967|
KHM|cambodia|Cambodia|Q424|
CMR|cameroon|Cameroon|Q1009|
CAN|canada|Canada|Q16|
CPV|cape-verde|Cape Verde|Q1011|Cabo Verde
CAF|central-african-republic|Central African Republic|Q929|
TCD|chad|Chad|Q657|
CHL|chile|Chile|Q298|
CHN|china|China|Q148|People's Republic of China
COL|colombia|Colombia|Q739|Columbia
COM|comoros|Comoros|Q970|
COD|dr-congo|DR Congo|Q974|Democratic Republic of the Congo;Democratic Republic of Congo
COG|republic-of-the-congo|Republic of the Congo|Q971|Congo;People's Republic of the Congo;Republic of Congo
CRI|costa-rica|Costa Rica|Q800|
CIV|ivory-coast|Ivory Coast|Q1008|Cote d'Ivoire;Côte d'Ivoire
HRV|croatia|Croatia|Q224|
CUB|cuba|Cuba|Q241|
CYP|cyprus|Cyprus|Q229|
CZE|czech-republic|Czech Republic|Q213|Czechia
DNK|denmark|Denmark|Q35|
DJI|djibouti|Djibouti|Q977|
DOM|dominican-republic|Dominican Republic|Q786|
TLS|east-timor|East Timor|Q574|Timor-Leste
ECU|ecuador|Ecuador|Q736|
EGY|egypt|Egypt|Q79|
SLV|el-salvador|El Salvador|Q792|
GNQ|equatorial-guinea|Equatorial Guinea|Q983|
ERI|eritrea|Eritrea|Q986|
EST|estonia|Estonia|Q191|
SWZ|eswatini|Eswatini|Q1050|Swaziland
ETH|ethiopia|Ethiopia|Q115|
FJI|fiji|Fiji|Q712|
FIN|finland|Finland|Q33|
FRA|france|France|Q142|
GAB|gabon|Gabon|Q1000|
GMB|gambia|Gambia|Q1005|The Gambia
GEO|georgia|Georgia|Q230|
DEU|germany|Germany|Q183|
GHA|ghana|Ghana|Q117|
GRC|greece|Greece|Q41|
GTM|guatemala|Guatemala|Q774|
GIN|guinea|Guinea|Q1006|
GNB|guinea-bissau|Guinea-Bissau|Q1007|
GUY|guyana|Guyana|Q734|
HTI|haiti|Haiti|Q790|
HND|honduras|Honduras|Q783|
HKG|hong-kong|Hong Kong|Q8646|
HUN|hungary|Hungary|Q28|
ISL|iceland|Iceland|Q189|
IND|india|India|Q668|
IDN|indonesia|Indonesia|Q252|
IRN|iran|Iran|Q794|Islamic Republic of Iran;Iran, Islamic Republic of
IRQ|iraq|Iraq|Q796|
IRL|ireland|Ireland|Q27|
ISR|israel|Israel|Q801|
ITA|italy|Italy|Q38|
JAM|jamaica|Jamaica|Q766|
JPN|japan|Japan|Q17|
JOR|jordan|Jordan|Q810|
KAZ|kazakhstan|Kazakhstan|Q232|
KEN|kenya|Kenya|Q114|
XKX|kosovo|Kosovo|Q1246|
KWT|kuwait|Kuwait|Q817|
KGZ|kyrgyzstan|Kyrgyzstan|Q813|
LAO|laos|Laos|Q819|Lao People's Democratic Republic
LVA|latvia|Latvia|Q211|
LBN|lebanon|Lebanon|Q822|
LSO|lesotho|Lesotho|Q1013|
LBR|liberia|Liberia|Q1014|
LBY|libya|Libya|Q1016|
LIE|liechtenstein|Liechtenstein|Q347|
LTU|lithuania|Lithuania|Q37|
LUX|luxembourg|Luxembourg|Q32|
MDG|madagascar|Madagascar|Q1019|
MWI|malawi|Malawi|Q1020|
MYS|malaysia|Malaysia|Q833|
MDV|maldives|Maldives|Q826|
MLI|mali|Mali|Q912|
MLT|malta|Malta|Q233|
MRT|mauritania|Mauritania|Q1025|
MUS|mauritius|Mauritius|Q1027|
MEX|mexico|Mexico|Q96|
MDA|moldova|Moldova|Q217|Republic of Moldova
MCO|monaco|Monaco|Q235|
MNG|mongolia|Mongolia|Q711|
MNE|montenegro|Montenegro|Q236|
MAR|morocco|Morocco|Q1028|
MOZ|mozambique|Mozambique|Q1029|
MMR|myanmar|Myanmar|Q836|Burma
NAM|namibia|Namibia|Q1030|
NPL|nepal|Nepal|Q837|
NLD|netherlands|Netherlands|Q55|
NZL|new-zealand|New Zealand|Q664|
NIC|nicaragua|Nicaragua|Q811|
NER|niger|Niger|Q1032|
NGA|nigeria|Nigeria|Q1033|
PRK|north-korea|North Korea|Q423|Korea, Democratic People's Republic of;Democratic People's Republic of Korea
MKD|north-macedonia|North Macedonia|Q221|Macedonia
NOR|norway|Norway|Q20|
OMN|oman|Oman|Q842|
PAK|pakistan|Pakistan|Q843|
PSE|palestine|Palestine|Q219060|Occupied Palestinian Territory;Palestinian Territory;State of Palestine
PAN|panama|Panama|Q804|
PNG|papua-new-guinea|Papua New Guinea|Q691|
PRY|paraguay|Paraguay|Q733|
PER|peru|Peru|Q419|
PHL|philippines|Philippines|Q928|
POL|poland|Poland|Q36|
PRT|portugal|Portugal|Q45|
QAT|qatar|Qatar|Q846|
ROU|romania|Romania|Q218|
RUS|russia|Russia|Q159|Russian Federation
RWA|rwanda|Rwanda|Q1037|
SAU|saudi-arabia|Saudi Arabia|Q851|
SEN|senegal|Senegal|Q1041|
SRB|serbia|Serbia|Q403|
SYC|seychelles|Seychelles|Q1042|
SLE|sierra-leone|Sierra Leone|Q1044|
SGP|singapore|Singapore|Q334|
SVK|slovakia|Slovakia|Q214|
SVN|slovenia|Slovenia|Q215|
SOM|somalia|Somalia|Q1045|
ZAF|south-africa|South Africa|Q258|
KOR|south-korea|South Korea|Q884|Korea, Republic of;Republic of Korea
SSD|south-sudan|South Sudan|Q958|
ESP|spain|Spain|Q29|
LKA|sri-lanka|Sri Lanka|Q854|
SDN|sudan|Sudan|Q1049|
SUR|suriname|Suriname|Q730|
SWE|sweden|Sweden|Q34|
CHE|switzerland|Switzerland|Q39|
SYR|syria|Syria|Q858|Syrian Arab Republic
TWN|taiwan|Taiwan|Q865|
TJK|tajikistan|Tajikistan|Q863|
TZA|tanzania|Tanzania|Q924|United Republic of Tanzania
THA|thailand|Thailand|Q869|
TGO|togo|Togo|Q945|
TTO|trinidad-and-tobago|Trinidad and Tobago|Q754|
TUN|tunisia|Tunisia|Q948|
TUR|turkey|Turkey|Q43|Türkiye;Turkiye
TKM|turkmenistan|Turkmenistan|Q874|
UGA|uganda|Uganda|Q1036|
UKR|ukraine|Ukraine|Q212|
ARE|united-arab-emirates|United Arab Emirates|Q878|UAE
GBR|united-kingdom|United Kingdom|Q145|UK;Britain;Great Britain
USA|united-states|United States|Q30|United States of America;USA;US
URY|uruguay|Uruguay|Q77|
UZB|uzbekistan|Uzbekistan|Q265|
VAT|vatican-city|Vatican City|Q237|Holy See
VEN|venezuela|Venezuela|Q717|
VNM|vietnam|Vietnam|Q881|Viet Nam
ESH|western-sahara|Western Sahara|Q6250|
YEM|yemen|Yemen|Q805|
ZMB|zambia|Zambia|Q953|
ZWE|zimbabwe|Zimbabwe|Q954|
"""


def _rows() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for line in _TABLE.strip().splitlines():
        code, ident, name, wikidata, aliases = line.split("|")
        out[code] = Country(code, ident, name, wikidata or None,
                            tuple(a for a in aliases.split(";") if a))
    return out


COUNTRIES: dict[str, Country] = _rows()
"""ISO 3166 alpha-3 code -> country."""

CAMEO_CODES: dict[str, str] = {"ROM": "ROU", "TMP": "TLS", "MTN": "MNE", "KSV": "XKX", "ZAR": "COD"}
"""CAMEO country codes that differ from ISO 3166 alpha-3 -> the ISO code."""

REGIONS: frozenset[str] = frozenset(
    ("AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA",
     "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "BAG", "WSB", "GZS"))
"""CAMEO codes of regions and places that are not states: an event with one is not dyadic."""

GROUPS: dict[str, Group] = {g.code: g for g in (
    Group("UNO", "united-nations", "United Nations", "organisation", "Q1065"),
    Group("NAT", "nato", "NATO", "organisation", "Q7184"),
    Group("EEC", "european-union", "European Union", "organisation", "Q458"),
    Group("ARL", "arab-league", "Arab League", "organisation", "Q7172"),
    Group("GCC", "gulf-cooperation-council", "Gulf Cooperation Council", "organisation"),
    Group("AFU", "african-union", "African Union", "organisation"),
    Group("OIC", "organisation-of-islamic-cooperation", "Organisation of Islamic Cooperation",
          "organisation"),
    Group("IAE", "iaea", "International Atomic Energy Agency", "organisation"),
    Group("SCE", "osce", "OSCE", "organisation"),
    Group("CIS", "commonwealth-of-independent-states", "Commonwealth of Independent States",
          "organisation"),
    Group("IMF", "imf", "International Monetary Fund", "organisation"),
    Group("WBK", "world-bank", "World Bank", "organisation"),
    Group("ICC", "international-criminal-court", "International Criminal Court", "organisation"),
    Group("CRC", "red-cross", "Red Cross and Red Crescent", "organisation"),
    Group("HCR", "unhcr", "UN High Commissioner for Refugees", "organisation"),
    Group("ALQ", "al-qaeda", "al-Qaeda", "armed-group", "Q34490"),
    Group("TAL", "taliban", "Taliban", "armed-group", "Q42418"),
    Group("HMS", "hamas", "Hamas", "armed-group"),
    Group("HEZ", "hezbollah", "Hezbollah", "armed-group"),
    Group("PLO", "palestine-liberation-organization", "Palestine Liberation Organization",
          "organisation"),
    Group("FTA", "fatah", "Fatah", "organisation"),
    Group("MBR", "muslim-brotherhood", "Muslim Brotherhood", "organisation"),
    Group("KDP", "kurdistan-democratic-party", "Kurdistan Democratic Party", "organisation"),
)}
"""CAMEO known-group codes -> organisations and groups that act in their own right."""


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


_BY_NAME: dict[str, Country] = {
    _key(n): c for c in COUNTRIES.values() for n in (c.name, c.id, c.code, *c.aliases)}


def country_by_name(name: str) -> Country | None:
    """The country a name, an alias, an id or a code stands for, in any case; ``None`` if unknown.

    >>> country_by_name("turkey").code, country_by_name("TUR").code, country_by_name("Mars")
    ('TUR', 'TUR', None)
    """
    found = _BY_NAME.get(_key(name))
    if found is None and name.strip().upper() in CAMEO_CODES:
        found = COUNTRIES.get(CAMEO_CODES[name.strip().upper()])
    return found
