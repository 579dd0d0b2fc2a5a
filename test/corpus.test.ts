import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCorpus, countParagraphs } from '../server/src/corpus/check';
import { compendiumLabel, paragraphByKey } from '../server/src/corpus/corpus';
import { splitLines } from '../server/src/corpus/text';
import { dataText, paragraph, realCorpus } from './helpers';

describe('documents and their paragraph counts', () => {
  // From ../shared/CORPUS-NOTES.md, read by hand against the PDF text.
  const expected: [id: string, preambular: number, operative: number, subparagraphs: number, symbol: string | undefined][] = [
    ['wg-meeting-1', 0, 55, 0, 'CTOC/COP/WG.7/2012/6'],
    ['wg-meeting-2', 0, 33, 5, 'CTOC/COP/WG.7/2013/5'],
    ['wg-meeting-3', 0, 41, 0, 'CTOC/COP/WG.7/2015/6'],
    ['wg-meeting-4', 0, 15, 0, 'CTOC/COP/WG.7/2017/5'],
    ['wg-meeting-5', 0, 5, 20, 'CTOC/COP/WG.7/2018/3'],
    ['wg-meeting-6', 0, 24, 0, 'CTOC/COP/WG.7/2019/6'],
    ['wg-meeting-7', 0, 22, 0, 'CTOC/COP/WG.7/2020/4'],
    ['wg-meeting-8', 0, 12, 0, 'CTOC/COP/WG.7/2021/5'],
    ['wg-meeting-9', 0, 13, 6, 'CTOC/COP/WG.7/2022/4'],
    ['wg-meeting-10', 0, 16, 2, 'CTOC/COP/WG.7/2023/5'],
    ['decision-1-6', 0, 6, 4, 'CTOC/COP/2004/6'],
    ['decision-2-4', 0, 18, 3, 'CTOC/COP/2005/8'],
    ['decision-3-3', 0, 13, 0, 'CTOC/COP/2006/14'],
    ['decision-4-5', 0, 11, 2, 'CTOC/COP/2008/19'],
    ['resolution-5-3', 1, 24, 0, 'CTOC/COP/2010/17'],
    ['resolution-6-3', 7, 22, 3, 'CTOC/COP/2012/15'],
    ['resolution-10-3', 1, 1, 0, 'CTOC/COP/2020/10'],
    ['decision-4-5.standalone', 0, 11, 2, 'CTOC/COP/2008/19'],
    ['resolution-5-3.standalone', 1, 24, 0, 'CTOC/COP/2010/17'],
    ['draft-resolution-france-2008', 4, 9, 4, undefined],
  ];
  test('the corpus holds exactly these twenty documents', () => {
    assert.deepEqual(realCorpus().documents.map((d) => d.id).sort(), expected.map((e) => e[0]).sort());
  });
  for (const [id, preambular, operative, subparagraphs, symbol] of expected) {
    test(`${id}: ${preambular} PP, ${operative} paragraphs, ${subparagraphs} subparagraphs, symbol ${symbol ?? 'none'}`, () => {
      const d = realCorpus().byId.get(id)!;
      const counts = countParagraphs(d);
      assert.deepEqual([counts.preambular, counts.operative, counts.subparagraphs], [preambular, operative, subparagraphs]);
      assert.equal(d.symbol, symbol);
    });
  }
});

describe('exact paragraph text', () => {
  const cases: [what: string, id: string, key: string, text: string][] = [
    ['continues after a page break mid-sentence (I.7)', 'wg-meeting-1', '7',
      'States may wish to request UNODC to collect information and prepare a comprehensive global report on the smuggling of migrants, in close collaboration with States parties, to complement existing relevant reporting by international organizations such as the International Organization for Migration. The global report should include all types of information as listed in article 10 of the Smuggling of Migrants Protocol, including a focus on transregional routes and emerging routes and means of transportation. The report should also include the challenges encountered by States parties in combating the smuggling of migrants, good practices and lessons learned, legislative experiences and the use of administrative measures to prevent and combat the smuggling of migrants. The Working Group requests UNODC to do an assessment of the resource implications of the preparation of such a report.'],
    ['continues after a page break (I.38)', 'wg-meeting-1', '38',
      'States parties may wish to reinforce their prevention efforts through the deployment of liaison officers and participation in joint investigation teams. At the national level, the creation of integrated border enforcement teams and the establishment of coordination mechanisms involving all agencies engaged in preventing and combating the smuggling of migrants could contribute to preventing such crime.'],
    ['continues after a page break (I.17)', 'wg-meeting-1', '17',
      'States parties could consider ways to enhance cooperation at all levels to prevent and combat the crimes covered by the Smuggling of Migrants Protocol that are committed by means of using new technologies, especially the Internet; such cooperation could include more effective exchange of information and good practices relating to issues of criminalization, investigation and prosecution.'],
    ['continues after a page break (II.4)', 'wg-meeting-2', '4',
      'Recalling the tenth anniversary of the entry into force of the Organized Crime Convention and the Protocols thereto and taking into consideration articles 32 and 37 of the Convention, States parties and the United Nations Office on Drugs and Crime (UNODC) should continue to promote the full implementation of the Convention and the Smuggling of Migrants Protocol, with a view to identifying existing gaps, challenges and priorities.'],
    ['continues after a page break (III.9)', 'wg-meeting-3', '9',
      'In implementing the Smuggling of Migrants Protocol, States parties should take full advantage of the tools provided for in the Convention, including, but not limited to, confiscation and seizure, mutual legal assistance, extradition, witness protection, and the use of special investigative techniques.'],
    ['continues after a page break (VII.19)', 'wg-meeting-7', '19',
      'States parties are encouraged to coordinate with relevant civil society organizations and other relevant stakeholders to increase public awareness of the criminal nature of the smuggling of migrants and to facilitate the detection of this crime, including through the development and use of anonymous online reporting forms.'],
    ['continues after a page break (X.8)', 'wg-meeting-10', '8',
      'States parties are encouraged, in accordance with national law and relevant applicable international instruments, to establish operating procedures to provide, within their means, all necessary protection and assistance and to undertake fair risk assessment and return procedures for smuggled migrants.'],
    ['a footnote marker dropped, its footnote printed after the next subparagraph (IX.3)', 'wg-meeting-9', '3',
      'In accordance with the Organized Crime Convention and the Smuggling of Migrants Protocol, and bearing in mind the global efforts that promote dialogue and contribute to strengthened international cooperation, States parties are urged to take action against the smuggling of migrants in partnership with all relevant stakeholders, including the private sector and academia.'],
    ['a bullet prefix left by the conversion (IX.8 (a))', 'wg-meeting-9', '8(a)',
      'Identifying and sharing specific points of contact to facilitate the exchange of information, the conduct of joint or parallel investigations and the provision of assistance between investigators and prosecutors in migrant smuggling cases;'],
    ['after a footnote block between subparagraphs (IX.8 (b))', 'wg-meeting-9', '8(b)',
      'Deploying border management and/or specialist liaison officials, such as police officers, prosecutors and magistrates, to collaborate directly with investigative teams in origin and transit countries, where possible and appropriate;'],
    ['a chapeau (II.8)', 'wg-meeting-2', '8',
      'The Working Group on the Smuggling of Migrants recommended to the Conference that the following topics, inter alia, be considered at future meetings of the Working Group:'],
    ['the letter (i) in a long list (V.2 (i))', 'wg-meeting-5', '2(i)',
      'Providing technical assistance to countries along migrant smuggling routes in accordance with article 14, paragraph 3, of the Protocol;'],
    ['a roman subparagraph with a bullet (Decision 1/6 (b) (iv))', 'decision-1-6', '(b)(iv)',
      'Exchange of views and experience gained in the implementation of articles 15 and 16 of the Protocol;'],
    ['a paragraph followed by a footnote block, its marker removed (Decision 1/6 (c))', 'decision-1-6', '(c)',
      'Requests the Secretariat to collect information from States parties and signatories to the Migrants Protocol, in the context of the above programme of work, using for that purpose a questionnaire to be developed in accordance with guidance provided by the Conference of the Parties at its first session;'],
    ['the letter (i) after (h) (Decision 4/5 (i))', 'decision-4-5', '(i)',
      'Urged States parties to consider the advisability of establishing an open-ended intergovernmental working group on the Migrants Protocol;'],
    ['a roman (ii) under the chapeau (j) (Decision 4/5 (j) (ii))', 'decision-4-5', '(j)(ii)',
      'Welcomed also the efforts undertaken to provide guidance and information on best practices in the areas of training and capacity-building, as well as awareness-raising strategies to prevent and combat the smuggling of migrants;'],
    ['roman (iii) of Decision 2/4 (n)', 'decision-2-4', '(n)(iii)',
      'Consideration of matters related to border measures (article 11), security and control of documents (article 12) and legitimacy and validity of documents (article 13);'],
    ['the only preambular paragraph of resolution 5/3', 'resolution-5-3', 'PP1',
      'Recalling the functions assigned to it in article 32 of the United Nations Convention against Transnational Organized Crime, reminding States parties of all their obligations under the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime, and recalling its decision 4/5 of 17 October 2008,'],
    ['emphasis markup removed (resolution 5/3, para 6)', 'resolution-5-3', '6',
      'Bears in mind that smuggling of migrants and trafficking in persons are distinct crimes that may in some cases share some features but that in most cases require separate legal, operational and policy responses;'],
    ['the standalone copy continues across a separator and footnote block (para 7)', 'resolution-5-3.standalone', '7',
      'Underlines the need to provide migrants with humane treatment and full protection, in accordance with the Smuggling of Migrants Protocol, mindful in that regard that States parties are obliged, in accordance with article 16 of the Protocol, to take all appropriate measures to protect the rights of persons who have been the object of smuggling in accordance with the Protocol, in particular the right to life and the right not to be subjected to torture or other cruel, inhumane or degrading treatment or punishment;'],
    ['PP 2 of resolution 6/3 starts after the footnotes of PP 1', 'resolution-6-3', 'PP2', 'Recalling also its resolution 5/3 of 22 October 2010,'],
    ['PP 5 of resolution 6/3, the one the source labels', 'resolution-6-3', 'PP5',
      'Acknowledging the importance of the recent work by regional initiatives to combat the smuggling of migrants, including the Fourth Bali Regional Ministerial Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime, held in Bali, Indonesia, in March 2011,'],
    ['PP 7 of resolution 6/3', 'resolution-6-3', 'PP7',
      'Recalling that, in its resolution 5/3, the Conference established an open-ended inter-governmental interim working group on the smuggling of migrants and decided that the working group, inter alia, should discuss experiences and practices with regard to the implementation of the Smuggling of Migrants Protocol,'],
    ['a subparagraph of resolution 6/3 (9 (c))', 'resolution-6-3', '9(c)',
      'To ensure, where appropriate, that, in investigating and prosecuting the smuggling of migrants, the undertaking of concurrent financial investigations is considered with a view to tracing, freezing and confiscating proceeds acquired through such crime, and to consider the smuggling of migrants to be a predicate offence of money-laundering;'],
    ['the paragraph after a footnote block (resolution 6/3, para 10)', 'resolution-6-3', '10',
      'Further urges States parties to respect the fundamental human rights of smuggled migrants, irrespective of their migration status, nationality, gender, ethnicity, religion or age, taking into account the special needs of women and children;'],
    ['the France draft, PP 2', 'draft-resolution-france-2008', 'PP2',
      'Recalling also its decision 3/3 and General Assembly resolutions 61/144 of 19 December 2006 and 61/180 of 20 December 2006,'],
    ['the France draft, chapeau 9', 'draft-resolution-france-2008', '9',
      'With regard to the report of the Secretariat on work done by the United Nations Office on Drugs and Crime to promote the implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime, and the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime, welcomes:'],
    ['the France draft, 9 (b) after a footnote block', 'draft-resolution-france-2008', '9(b)',
      'The efforts undertaken by the Secretariat to develop a training manual on the protection of victims of human trafficking, the investigation of trafficking offences and the prosecution of traffickers, such manual to contain current best practices in the investigation of cases of trafficking in persons, information on protection and assistance measures for victims of trafficking and best practices in the repatriation of victims;'],
  ];
  for (const [what, id, key, text] of cases) {
    test(what, () => assert.equal(paragraph(id, key).text, text));
  }

  test('the last paragraph of every document and meeting is complete', () => {
    const last: Record<string, [string, string]> = {
      'wg-meeting-1': ['55', 'and other relevant items.'],
      'wg-meeting-2': ['33', 'in a harmonized and continuous manner.'],
      'wg-meeting-3': ['41', 'implementation of the Smuggling of Migrants Protocol.'],
      'wg-meeting-4': ['15', 'in its territory, at the time of return.'],
      'wg-meeting-5': ['5', 'the questionnaire on the smuggling of migrants as approved by the Working Group.'],
      'wg-meeting-6': ['24', 'consistent with international and domestic law.'],
      'wg-meeting-7': ['22', 'especially in cyberspace.'],
      'wg-meeting-8': ['12', 'online platforms for the purpose of smuggling migrants.'],
      'wg-meeting-9': ['13', 'the nominated focal points and governmental experts.'],
      'wg-meeting-10': ['16', 'in relation to the Smuggling of Migrants Protocol.'],
      'decision-1-6': ['(f)', 'based on the responses to the questionnaire.'],
      'decision-2-4': ['(r)', 'to the Conference of the Parties at its third session.'],
      'decision-3-3': ['(m)', 'lead agencies in humanitarian crises or emergency situations.'],
      'decision-4-5': ['(k)', 'informed on the above-mentioned matters.'],
      'resolution-5-3': ['24', 'in accordance with the rules and procedures of the United Nations.'],
      'resolution-6-3': ['22', 'for these purposes in accordance with the rules and procedures of the United Nations.'],
      'resolution-10-3': ['2', 'in the fight against these crimes;'],
      'decision-4-5.standalone': ['(k)', 'informed on the above-mentioned matters.'],
      'resolution-5-3.standalone': ['24', 'in accordance with the rules and procedures of the United Nations.'],
      'draft-resolution-france-2008': ['9(d)', 'keep the States parties informed in this regard.'],
    };
    for (const d of realCorpus().documents) {
      const p = d.paragraphs[d.paragraphs.length - 1];
      assert.deepEqual([p.key, p.text.endsWith(last[d.id][1])], [last[d.id][0], true], `${d.id} ends with "${p.text.slice(-80)}"`);
      assert.ok(!/THEMATIC|Resolution \d|Decision \d|session,|meeting,/.test(p.text.slice(-120)), `${d.id}'s last paragraph runs into what follows`);
    }
  });
});

describe('structure', () => {
  test('subparagraphs know their parent and the chapeau knows its children', () => {
    assert.deepEqual(paragraph('wg-meeting-5', '2').childKeys, 'abcdefghijk'.split('').map((l) => `2(${l})`));
    assert.equal(paragraph('wg-meeting-5', '2(k)').parentKey, '2');
    assert.deepEqual(paragraph('decision-4-5', '(j)').childKeys, ['(j)(i)', '(j)(ii)']);
    assert.deepEqual(paragraph('resolution-6-3', '9').childKeys, ['9(a)', '9(b)', '9(c)']);
  });

  test('labels are written as drafters write them, inside the document and in the compendium', () => {
    const corpus = realCorpus();
    const label = (id: string, key: string) => {
      const d = corpus.byId.get(id)!;
      const p = paragraphByKey(d, key)!;
      return [p.label, compendiumLabel(d, p)];
    };
    assert.deepEqual(label('resolution-6-3', '9(c)'), ['9 (c)', 'Part B VI.9.c']);
    assert.deepEqual(label('resolution-6-3', 'PP5'), ['PP 5', 'Part B VI.PP.5']);
    assert.deepEqual(label('decision-4-5', '(j)(ii)'), ['(j) (ii)', 'Part B IV.j.ii']);
    assert.deepEqual(label('wg-meeting-1', '38'), ['38', 'I.38']);
    assert.deepEqual(label('wg-meeting-5', '2(k)'), ['2 (k)', 'V.2.k']);
    assert.deepEqual(label('decision-4-5.standalone', '(j)(ii)'), ['(j) (ii)', undefined]);
  });

  test('resolution 10/3 is an excerpt: its preambular paragraph gets no invented number', () => {
    const d = realCorpus().byId.get('resolution-10-3')!;
    assert.equal(d.origin.excerpt, true);
    assert.deepEqual(d.paragraphs.map((p) => p.key), ['PP?1', '2']);
    assert.equal(d.paragraphs[0].label, 'preambular paragraph (number not reproduced)');
    assert.ok(d.paragraphs[0].text.startsWith('Reaffirming that one of the main purposes of the Conference'));
  });

  test('decisions keep their unnumbered opening apart from the lettered paragraphs', () => {
    const d = realCorpus().byId.get('decision-3-3')!;
    assert.ok(d.opening?.startsWith('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, recalling the functions'));
    assert.ok(d.opening?.endsWith('held during its third session:'));
    assert.equal(d.paragraphs[0].key, '(a)');
  });

  test('footnotes are attached to the paragraph that carries their marker, wherever the page prints them', () => {
    assert.deepEqual(paragraph('wg-meeting-9', '3').footnotes, [{ marker: '1', text: 'Such as the Global Compact for Safe, Orderly and Regular Migration.' }]);
    // Footnote 12 of decision 4/5 (j) is printed on the next page, inside resolution 5/3's section.
    assert.deepEqual(paragraph('decision-4-5', '(j)').footnotes, [{ marker: '12', text: 'CTOC/COP/2008/8.' }]);
    assert.deepEqual(paragraph('decision-4-5.standalone', '(j)').footnotes, [{ marker: '3', text: 'CTOC/COP/2008/8.' }]);
  });

  test('document facts: names, sessions, dates and aliases', () => {
    const corpus = realCorpus();
    const r53 = corpus.byId.get('resolution-5-3')!;
    assert.deepEqual([r53.name, r53.session, r53.sessionName, r53.year], ['Resolution 5/3', 5, 'Fifth session, 18 to 22 October 2010', 2010]);
    assert.ok(r53.aliases.includes('res. 5/3') && r53.aliases.includes('CTOC/COP/2010/17') && r53.aliases.includes('Part B V'));
    const r103 = corpus.byId.get('resolution-10-3')!;
    assert.ok(r103.aliases.includes('Part B VII') && r103.aliases.includes('Part B X'), 'resolution 10/3 is Part B VII and, by session, X');
    const m7 = corpus.byId.get('wg-meeting-7')!;
    assert.deepEqual([m7.session, m7.dates, m7.symbol], [7, '8 and 9 September 2020', 'CTOC/COP/WG.7/2020/4']);
    assert.ok(m7.aliases.includes('seventh meeting of the Working Group'));
    const draft = corpus.byId.get('draft-resolution-france-2008')!;
    assert.deepEqual([draft.kind, draft.name, draft.symbol, draft.session, draft.dates], ['draft-resolution', 'Draft resolution submitted by France (2008)', undefined, 4, '9 October 2008']);
    assert.ok(draft.aliases.includes('France draft resolution (2008)') && draft.aliases.includes('draft resolution submitted by France'));
  });
});

describe('source locations', () => {
  test('every paragraph range starts at its label and ends at the end of its last line of text', () => {
    const corpus = realCorpus();
    const files = new Map<string, string[]>();
    for (const d of corpus.documents) {
      for (const p of d.paragraphs) {
        const lines = files.get(p.location.file) ?? splitLines(dataText(p.location.file));
        files.set(p.location.file, lines);
        const { start, end } = p.location;
        const first = lines[start.line].slice(start.character);
        if (p.kind === 'preambular') assert.ok(first.replace(/[*_]/g, '').startsWith(p.text.slice(0, 8)), `${d.id} ${p.key} starts at "${first.slice(0, 20)}"`);
        else assert.ok(first.startsWith(p.path[0] === 'PP' ? 'PP' : /^\d/.test(p.path[p.path.length - 1]) ? `${p.path[p.path.length - 1]}.` : `(${p.path[p.path.length - 1]})`), `${d.id} ${p.key} starts at "${first.slice(0, 20)}"`);
        assert.equal(end.character, lines[end.line].trimEnd().length, `${d.id} ${p.key} ends at the end of line ${end.line}`);
        const lastWord = p.text.split(' ').pop()!.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
        assert.ok(lines[end.line].includes(lastWord), `${d.id} ${p.key}: line ${end.line} holds its last word "${lastWord}"`);
      }
    }
  });

  test('a paragraph split by a page break spans both pages (I.38: lines 156–158)', () => {
    const { location } = paragraph('wg-meeting-1', '38');
    assert.deepEqual(location, { file: 'compendium-smuggling-of-migrants-2024.txt', start: { line: 155, character: 0 }, end: { line: 157, character: 138 } });
  });
});

describe('thematic index', () => {
  test('983 references once ranges and lists are expanded; all but the three misprints resolve', () => {
    const corpus = realCorpus();
    assert.equal(corpus.indexEntries.length, 983);
    assert.deepEqual(corpus.indexEntries.filter((e) => !e.target).map((e) => `${e.ref.part} ${e.ref.text}`), ['B I.iii', 'B I.i', 'B I.iii']);
  });

  test('topics list their references with ranges expanded', () => {
    const topic = (name: string) => realCorpus().index!.topics.find((t) => t.name === name)!;
    assert.deepEqual(topic('Assistance to smuggled migrants').references.slice(0, 4).map((r) => r.text), ['I.21', 'I.22', 'I.25', 'I.27']);
    assert.deepEqual(topic('Children (general)').references.map((r) => r.text), ['III.19', 'III.20', 'III.21', 'III.22', 'III.23', 'III.24', 'III.25', 'VII.6', 'VIII.2']);
    const cop = topic('Conference of the Parties to the United Nations Convention against Transnational Organized Crime and Working Group on the Smuggling of Migrants, role and work of');
    assert.deepEqual(cop.references.filter((r) => r.part === 'B' && r.section === 6).map((r) => r.text).slice(0, 8), ['VI.PP.1', 'VI.PP.2', 'VI.PP.3', 'VI.PP.4', 'VI.PP.5', 'VI.PP.6', 'VI.PP.7', 'VI.6']);
    // A topic whose Part A and Part B references share one cell of a collapsed row.
    assert.deepEqual(topic('Migration opportunities').references.map((r) => `${r.part}:${r.text}`), ['A:III.17', 'A:III.18', 'A:V.4.b', 'A:VIII.1', 'A:VIII.2', 'A:VIII.3', 'A:VIII.4', 'A:VIII.5', 'B:V.4']);
  });

  test('Part B "X.2" is resolution 10/3 by its session number', () => {
    const entry = realCorpus().indexEntries.find((e) => e.ref.part === 'B' && e.ref.text === 'X.2')!;
    assert.equal(entry.target?.document.id, 'resolution-10-3');
    assert.equal(entry.target?.paragraph.key, '2');
  });

  test('meeting-report paragraph numbers map to recommendations (CTOC/COP/WG.7/2012/6, para 41 = I.38)', () => {
    const map = realCorpus().reportParagraphs;
    const at = (symbol: string, label: string) => {
      const r = map.get(symbol)?.get(label);
      return r && `${r.target.document.id}/${r.target.paragraph.key}`;
    };
    assert.equal(at('CTOC/COP/WG.7/2012/6', '41'), 'wg-meeting-1/38');
    assert.equal(at('CTOC/COP/WG.7/2012/6', '52'), 'wg-meeting-1/49');
    assert.equal(at('CTOC/COP/WG.7/2012/6', '53'), 'wg-meeting-1/50');
    assert.equal(at('CTOC/COP/WG.7/2013/5', '12 (b)'), 'wg-meeting-2/8(b)');
    assert.equal(at('CTOC/COP/WG.7/2018/3', '8 (k)'), 'wg-meeting-5/2(k)');
    assert.equal(at('CTOC/COP/WG.7/2015/6', '41'), 'wg-meeting-3/37');
    assert.equal(map.get('CTOC/COP/WG.7/2020/4'), undefined, 'meeting VII reports cite recommendation numbers, not report paragraphs');
  });
});

describe('the corpus check', () => {
  test('the copies of decision 4/5 and resolution 5/3 are linked and agree, but for one footnote of 5/3 para 13', () => {
    const corpus = realCorpus();
    assert.deepEqual(corpus.instruments.get('decision-4-5')!.map((d) => d.id), ['decision-4-5', 'decision-4-5.standalone']);
    assert.deepEqual(corpus.instruments.get('resolution-5-3')!.map((d) => d.id), ['resolution-5-3', 'resolution-5-3.standalone']);
    assert.deepEqual(corpus.copyDifferences.map((d) => `${d.instrumentId} ${d.key} ${d.kind}`), ['resolution-5-3 13 footnote']);
  });

  test('every anomaly found is in the reviewed allow-list with a reason, and every entry still occurs', () => {
    const allow = JSON.parse(dataText('corpus-allowlist.json')) as { anomalies: { id: string; reason: string }[] };
    const found = checkCorpus(realCorpus()).anomalies.map((a) => a.id).sort();
    assert.deepEqual(found, allow.anomalies.map((a) => a.id).sort());
    for (const a of allow.anomalies) assert.ok(a.reason.length > 20, `${a.id} has a reason`);
  });
});
