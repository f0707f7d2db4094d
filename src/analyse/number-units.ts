/** Units of measure, currencies and multipliers recognised after (or before) a number. */
import { lookupTable } from '../text/lookup-table.js';

/** Unit words (lower case) → normalised unit. Matched as whole words after the number. */
export const UNIT_WORDS = lookupTable<string>({
  metre: 'm', metres: 'm', meter: 'm', meters: 'm', m: 'm',
  kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km', km: 'km',
  centimetre: 'cm', centimetres: 'cm', centimeter: 'cm', centimeters: 'cm', cm: 'cm',
  millimetre: 'mm', millimetres: 'mm', millimeter: 'mm', millimeters: 'mm', mm: 'mm',
  mile: 'mi', miles: 'mi', foot: 'ft', feet: 'ft', ft: 'ft', inch: 'in', inches: 'in', yard: 'yd', yards: 'yd',
  kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg', kg: 'kg', gram: 'g', grams: 'g', g: 'g',
  tonne: 't', tonnes: 't', ton: 't', tons: 't', pound: 'lb', pounds: 'lb', lb: 'lb', lbs: 'lb', ounce: 'oz', ounces: 'oz', oz: 'oz',
  litre: 'l', litres: 'l', liter: 'l', liters: 'l', millilitre: 'ml', millilitres: 'ml', ml: 'ml', gallon: 'gal', gallons: 'gal',
  hectare: 'ha', hectares: 'ha', ha: 'ha', acre: 'acre', acres: 'acre',
  km2: 'km2', 'km²': 'km2', m2: 'm2', 'm²': 'm2', m3: 'm3', 'm³': 'm3',
  mph: 'mph', kph: 'km/h', 'km/h': 'km/h', knot: 'kn', knots: 'kn',
  degree: '°', degrees: '°', '°c': '°C', '°f': '°F', '°': '°',
  kw: 'kW', mw: 'MW', gw: 'GW', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh', megawatts: 'MW', gigawatts: 'GW', kilowatts: 'kW',
  barrel: 'bbl', barrels: 'bbl',
  second: 's', seconds: 's', minute: 'min', minutes: 'min', hour: 'h', hours: 'h', day: 'day', days: 'day',
  week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year', decade: 'decade',
  decades: 'decade', century: 'century', centuries: 'century',
});

/** Two-word units ("square kilometres", "degrees Celsius"). */
export const UNIT_PHRASES: [RegExp, string][] = [
  [/^square\s+(?:kilometres|kilometers|km)\b/i, 'km2'],
  [/^square\s+(?:metres|meters|m)\b/i, 'm2'],
  [/^square\s+miles?\b/i, 'mi2'],
  [/^sq\.?\s*km\b/i, 'km2'],
  [/^cubic\s+(?:metres|meters)\b/i, 'm3'],
  [/^degrees?\s+(?:Celsius|centigrade|C)\b/, '°C'],
  [/^degrees?\s+(?:Fahrenheit|F)\b/, '°F'],
  [/^km\/h\b/i, 'km/h'],
];

/** Units that may be written attached to the number ("5km", "6.4m", "24h", "50kg"). */
export const ATTACHED_UNITS = lookupTable<string>({
  km: 'km', m: 'm', cm: 'cm', mm: 'mm', kg: 'kg', g: 'g', t: 't', l: 'l', ml: 'ml', ft: 'ft', mi: 'mi', h: 'h',
  mph: 'mph', kw: 'kW', mw: 'MW', gw: 'GW', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh', ha: 'ha',
  'km²': 'km2', km2: 'km2', 'm²': 'm2', '°c': '°C', '°f': '°F', '°': '°', lb: 'lb', lbs: 'lb', oz: 'oz',
});

/** Multipliers after a number: words, and abbreviations attached to it ("5bn", "$3m"). */
export const MULTIPLIER_WORDS = lookupTable<number>({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mln: 1e6, mn: 1e6, bn: 1e9, tn: 1e12,
  // South Asian English: a lakh is 100,000, a crore 10 million ("Rs 5 crore").
  lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});
export const ATTACHED_MULTIPLIERS = lookupTable<number>({ k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12 });

/** Currency symbols (longest first) → ISO 4217. */
export const CURRENCY_SYMBOLS: [string, string][] = [
  ['US$', 'USD'], ['A$', 'AUD'], ['C$', 'CAD'], ['HK$', 'HKD'], ['NZ$', 'NZD'], ['$', 'USD'], ['€', 'EUR'],
  ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₽', 'RUB'], ['₴', 'UAH'], ['₩', 'KRW'], ['₺', 'TRY'],
];
export const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RUB', 'UAH', 'INR', 'CHF', 'CAD', 'AUD', 'KRW', 'TRY', 'SEK', 'NOK', 'DKK', 'PLN']);
/** Currency words after the number ("5 million dollars"). */
export const CURRENCY_WORDS = lookupTable<string>({
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', sterling: 'GBP', yen: 'JPY', yuan: 'CNY',
  renminbi: 'CNY', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB', rupee: 'INR', rupees: 'INR',
  hryvnia: 'UAH', hryvnias: 'UAH', franc: 'CHF', francs: 'CHF', lira: 'TRY',
});
