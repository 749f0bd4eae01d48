import { describe, expect, it } from 'vitest';
import { sheetOutsideFilter } from '../../src/lib/filters/conflict';
import { resetFilter } from '../../src/lib/filters/filter';
import type { FilterState } from '../../src/lib/types';

const departements = { '59': 'Nord', '62': 'Pas-de-Calais' };
const epcis = { '200000001': 'CA Exemple', '200000002': 'CU Autre' };
const filter = (change: Partial<FilterState>): FilterState => ({ ...resetFilter(), ...change });

describe('a sheet and the filters', () => {
  it('say nothing when no sheet is open', () => {
    expect(sheetOutsideFilter(null, filter({ epci: '200000001' }), departements, epcis)).toBe('');
  });

  it('say nothing of a zone the filters keep, and name one they leave out', () => {
    expect(
      sheetOutsideFilter({ kind: 'zone', name: 'Quartier A', kept: true }, filter({}), departements, epcis)
    ).toBe('');
    expect(
      sheetOutsideFilter({ kind: 'zone', name: 'Quartier A', kept: false }, filter({}), departements, epcis)
    ).toMatch(/^Les filtres ne retiennent pas Quartier A :/);
  });

  it('name the filtered EPCI when the sheet is of another one', () => {
    const sheet = { kind: 'place', name: 'Ville', departements: ['59'], epcis: ['200000002'] } as const;
    expect(sheetOutsideFilter(sheet, filter({ epci: '200000002' }), departements, epcis)).toBe('');
    expect(sheetOutsideFilter(sheet, filter({ epci: '200000001' }), departements, epcis)).toBe(
      "Ville est hors du territoire filtré (CA Exemple) : la carte n'en dessine pas les zones."
    );
  });

  it('name the filtered départements when the place lies in none of them', () => {
    const sheet = {
      kind: 'place',
      name: 'CU Autre',
      departements: ['59', '62'],
      epcis: ['200000002']
    } as const;
    expect(sheetOutsideFilter(sheet, filter({ departements: ['62'] }), departements, epcis)).toBe('');
    expect(
      sheetOutsideFilter(
        { ...sheet, departements: ['02'] },
        filter({ departements: ['59', '62'] }),
        departements,
        epcis
      )
    ).toContain('(Nord, Pas-de-Calais)');
  });

  it('leave the EPCI filter unjudged for a place whose EPCI is not known', () => {
    const qpv = { kind: 'place', name: 'QPV', departements: ['59'], epcis: null } as const;
    expect(sheetOutsideFilter(qpv, filter({ epci: '200000001' }), departements, epcis)).toBe('');
    expect(sheetOutsideFilter(qpv, filter({ departements: ['62'] }), departements, epcis)).toContain(
      '(Pas-de-Calais)'
    );
  });
});
