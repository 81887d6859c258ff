'use strict';
// Units and how to convert them: each unit's factor to the category's base unit, or to/from functions.
// Loaded by the page and usable from Node (module.exports) for tests.
(function (root) {
  const linear = (factor) => ({ toBase: (v) => v * factor, fromBase: (v) => v / factor });
  const CATEGORIES = {
    length: {
      label: 'Length',
      units: {
        mm: ['Millimetres', linear(0.001)], cm: ['Centimetres', linear(0.01)], m: ['Metres', linear(1)],
        km: ['Kilometres', linear(1000)], in: ['Inches', linear(0.0254)], ft: ['Feet', linear(0.3048)],
        yd: ['Yards', linear(0.9144)], mi: ['Miles', linear(1609.344)], nmi: ['Nautical miles', linear(1852)],
      },
      defaults: ['km', 'mi'],
    },
    mass: {
      label: 'Mass',
      units: {
        mg: ['Milligrams', linear(0.000001)], g: ['Grams', linear(0.001)], kg: ['Kilograms', linear(1)],
        t: ['Tonnes', linear(1000)], oz: ['Ounces', linear(0.028349523125)], lb: ['Pounds', linear(0.45359237)],
        st: ['Stones', linear(6.35029318)],
      },
      defaults: ['kg', 'lb'],
    },
    temperature: {
      label: 'Temperature',
      units: {
        c: ['Celsius', { toBase: (v) => v, fromBase: (v) => v }],
        f: ['Fahrenheit', { toBase: (v) => (v - 32) * 5 / 9, fromBase: (v) => v * 9 / 5 + 32 }],
        k: ['Kelvin', { toBase: (v) => v - 273.15, fromBase: (v) => v + 273.15 }],
      },
      defaults: ['c', 'f'],
    },
    volume: {
      label: 'Volume',
      units: {
        ml: ['Millilitres', linear(0.001)], l: ['Litres', linear(1)], m3: ['Cubic metres', linear(1000)],
        tsp: ['Teaspoons (US)', linear(0.00492892159375)], tbsp: ['Tablespoons (US)', linear(0.01478676478125)],
        cup: ['Cups (US)', linear(0.2365882365)], pt: ['Pints (US)', linear(0.473176473)],
        gal: ['Gallons (US)', linear(3.785411784)], ukgal: ['Gallons (UK)', linear(4.54609)],
      },
      defaults: ['l', 'gal'],
    },
    speed: {
      label: 'Speed',
      units: {
        ms: ['Metres per second', linear(1)], kmh: ['Kilometres per hour', linear(1000 / 3600)],
        mph: ['Miles per hour', linear(1609.344 / 3600)], kn: ['Knots', linear(1852 / 3600)],
      },
      defaults: ['kmh', 'mph'],
    },
    area: {
      label: 'Area',
      units: {
        m2: ['Square metres', linear(1)], km2: ['Square kilometres', linear(1e6)], ha: ['Hectares', linear(1e4)],
        ft2: ['Square feet', linear(0.09290304)], ac: ['Acres', linear(4046.8564224)],
        mi2: ['Square miles', linear(2589988.110336)],
      },
      defaults: ['m2', 'ft2'],
    },
    data: {
      label: 'Data',
      units: {
        b: ['Bytes', linear(1)], kb: ['Kilobytes (1000)', linear(1e3)], mb: ['Megabytes (1000²)', linear(1e6)],
        gb: ['Gigabytes (1000³)', linear(1e9)], tb: ['Terabytes (1000⁴)', linear(1e12)],
        kib: ['Kibibytes (1024)', linear(1024)], mib: ['Mebibytes (1024²)', linear(1048576)],
        gib: ['Gibibytes (1024³)', linear(1073741824)],
      },
      defaults: ['gb', 'gib'],
    },
    time: {
      label: 'Time',
      units: {
        s: ['Seconds', linear(1)], min: ['Minutes', linear(60)], h: ['Hours', linear(3600)],
        d: ['Days', linear(86400)], wk: ['Weeks', linear(604800)], yr: ['Years (365 days)', linear(31536000)],
      },
      defaults: ['h', 'min'],
    },
  };

  /** Converts `value` from unit `from` to unit `to` within `category`. */
  function convert(category, value, from, to) {
    const units = CATEGORIES[category].units;
    return units[to][1].fromBase(units[from][1].toBase(value));
  }

  /** A readable number: up to 10 significant digits, no float noise. */
  function pretty(value) {
    if (!Number.isFinite(value)) return '—';
    if (value !== 0 && (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-6)) return value.toExponential(6);
    return String(Number.parseFloat(value.toPrecision(10)));
  }

  const api = { CATEGORIES, convert, pretty };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.Units = api;
}(typeof self !== 'undefined' ? self : this));
