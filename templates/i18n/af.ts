import type { Catalogue } from './catalogue.js';

/** Afrikaans: the polite "u" form throughout, as in formal correspondence; ’n with a typographic apostrophe. */
export const af: Catalogue = {
  locale: 'af',
  tag: 'af-ZA',
  name: 'Afrikaans',
  dir: 'ltr',
  messages: {
    'certificate.title': 'Sertifikaat van Voltooiing',
    'certificate.titleWord': 'Sertifikaat',
    'certificate.titleRest': 'van voltooiing',
    'certificate.certifyThat': 'Hiermee word gesertifiseer dat',
    'certificate.hasCompleted': 'die kursus suksesvol voltooi het',
    'certificate.awardedTo': 'Toegeken aan',
    'certificate.forCompleting': 'vir die suksesvolle voltooiing van',
    'certificate.dateOfCompletion': 'Datum van voltooiing',
    'certificate.dateOfIssue': 'Datum van uitreiking',
    'certificate.validUntil': 'Geldig tot',
    'certificate.completed': 'Voltooi',
    'certificate.issued': 'Uitgereik',
    'certificate.scanToVerify': 'Skandeer om te verifieer',
    'certificate.number': 'Sertifikaat nr.',
    'certificate.verifyAt': 'Verifieer by',
    'certificate.verifyThisAt': 'Verifieer hierdie sertifikaat by {site}',
    'certificate.issuedBySayPro': 'Uitgereik deur SayPro',
    'certificate.alt.sayProLogo': 'SayPro-logo',
    'certificate.alt.courseLogo': 'Logo van die kursusverskaffer. Uitgereik deur SayPro.',
    'certificate.alt.signature': 'Handtekening van {name}',
    'certificate.alt.qrCode': 'QR-kode wat na die verifikasiebladsy {url} skakel',
    'certificate.meta.title': 'Sertifikaat van Voltooiing: {course}',
    'certificate.meta.subject': '{holder} het {course} voltooi (sertifikaat {number})',
    'certificate.meta.keyword': 'sertifikaat',

    'email.dear': 'Beste {name},',
    'email.labelled': '{label}: {value}',
    'email.buttonFallback': 'As die knoppie nie werk nie, kopieer hierdie adres in u blaaier: {url}',
    'email.footer':
      'SayPro Certificates · U ontvang hierdie boodskap omdat u aan ’n SayPro-kursus deelgeneem het.',
    'email.links.pageText': 'U bladsy (vordering, sertifikate, aflaaie): {url}',
    'email.links.helpText': 'Hoe sertifikate werk: {help} · Vrae: {faq}',
    'email.links.privacyText': 'Hoe ons u persoonlike inligting hanteer: {url}',
    'email.links.page': 'U bladsy',
    'email.links.pageSentence': '{page}: u vordering, u sertifikate en nuwe aflaaiskakels, te eniger tyd.',
    'email.links.help': 'Hoe sertifikate werk',
    'email.links.faq': 'Vrae en antwoorde',
    'email.links.privacy': 'Hoe ons u persoonlike inligting hanteer',
    'email.kindRegards': 'Vriendelike groete',
    'email.days': '{count, plural, one {# dag} other {# dae}}',
    'email.fact.certificateNumber': 'Sertifikaatnommer',
    'email.fact.validUntil': 'Geldig tot',
    'email.fact.reason': 'Rede',
    'email.verificationPage': 'Verifikasiebladsy: {url}',

    'email.issued.subject': 'U SayPro-sertifikaat: {course}',
    'email.issued.subjectResent': 'U SayPro-sertifikaat (weer gestuur): {course}',
    'email.issued.heading': 'U sertifikaat is gereed',
    'email.issued.preheader': 'Laai u sertifikaat vir {course} af.',
    'email.issued.opening': 'Baie geluk met die voltooiing van {course}. U sertifikaat is gereed.',
    'email.issued.openingHtml':
      'Baie geluk met die voltooiing van {course}. U sertifikaat is gereed om as PDF afgelaai te word:',
    'email.issued.openingResent':
      'Soos versoek, hier is ’n nuwe skakel na u sertifikaat vir {course}. Vorige aflaaiskakels werk nie meer nie.',
    'email.issued.downloadText': 'Laai u sertifikaat af (PDF): {url}',
    'email.issued.downloadButton': 'Laai u sertifikaat af',
    'email.issued.linkWorksUntil':
      'Hierdie skakel werk tot {date}; u bladsy gee te eniger tyd ’n nuwe een. Bewaar die PDF op ’n veilige plek; u kan dit met enigiemand deel.',
    'email.issued.howOthersCheck': 'Hoe ander dit kan nagaan',
    'email.issued.othersCheck':
      'Werkgewers en ander kan bevestig dat u sertifikaat eg is deur die QR-kode daarop te skandeer, of deur {url} oop te maak en die besonderhede te vergelyk, of deur die sertifikaatnommer op die verifikasiewebwerf in te tik.',
    'email.issued.linkedIn': 'Voeg dit by u LinkedIn-profiel',
    'email.issued.somethingWrong': 'Iets verkeerd?',
    'email.issued.correction':
      'As u naam of enige ander besonderheid op die sertifikaat verkeerd is, antwoord op hierdie e-pos of skryf aan {support} met die sertifikaatnommer. Ons reik dan ’n reggestelde sertifikaat uit; die ou nommer sal daarna as vervang gewys word.',
    'email.survey.heading': 'Hoe het dit gegaan?',
    'email.survey.text':
      'Twee minute, vier vrae: vertel ons hoe dit gegaan het om u sertifikaat te kry, en of iets daarop verkeerd is. U het ingestem tot opnames; u kan dit op u bladsy verander.',
    'email.survey.button': 'Beantwoord die opname',

    'email.notEligible.subject': 'U SayPro-sertifikaat vir {course}: nog ’n paar stappe',
    'email.notEligible.heading': 'Nog ’n paar stappe',
    'email.notEligible.preheader':
      '{count, plural, one {Nog # stap} other {Nog # stappe}} voordat u sertifikaat uitgereik word.',
    'email.notEligible.intro':
      'U werk vir {course} is goedgekeur, maar die sertifikaat kan nog nie uitgereik word nie. Nog om te doen:',
    'email.notEligible.missingFallback': '’n Vereiste van die kursus is nog nie voltooi nie.',
    'email.notEligible.closing':
      'Sodra dit gedoen is, word u sertifikaat outomaties uitgereik; u hoef nie weer te vra nie. As u dink dit is ’n fout, antwoord op hierdie e-pos of skryf aan {support}.',

    'email.pageLink.subject': 'U skakel na u SayPro-sertifikate',
    'email.pageLink.heading': 'U persoonlike skakel',
    'email.pageLink.preheader': '’n Nuwe skakel na u bladsy.',
    'email.pageLink.intro':
      'U (of iemand met u adres) het ’n nuwe skakel na u persoonlike bladsy gevra. As dit nie u was nie, ignoreer hierdie e-pos: die skakel wys slegs u vordering en sertifikate.',

    'email.surveyReminder.subject': 'Hoe het dit gegaan met u SayPro-sertifikaat vir {course}?',
    'email.surveyReminder.heading': 'Twee minute vir u terugvoer?',
    'email.surveyReminder.preheader': 'Vier kort vrae oor u sertifikaat.',
    'email.surveyReminder.body':
      '’n Week gelede het u u sertifikaat vir {course} (nommer {number}) ontvang. Vertel ons hoe dit gegaan het om dit te kry, en of iets daarop verkeerd is: vier kort vrae, en plek vir enigiets anders.',
    'email.surveyReminder.onlyReminder':
      'Dit is die enigste herinnering wat ons hieroor stuur. U het ingestem tot opnames en herinneringe; u kan dit te eniger tyd op u bladsy terugtrek.',

    'email.enrolled.subject': 'Welkom by {course}: hoe om u SayPro-sertifikaat te verdien',
    'email.enrolled.heading': 'Welkom by u kursus',
    'email.enrolled.preheader': 'Wat die sertifikaat vir {course} verdien, en waar u u vordering kan volg.',
    'email.enrolled.intro': 'U is ingeskryf vir {course}.',
    'email.enrolled.whatEarns': 'Wat die sertifikaat verdien',
    'email.enrolled.requirementFallback': 'Goedkeuring van u werk in die kursus deur die personeel.',
    'email.enrolled.howIssued':
      'Sodra dit aangeteken is en die personeel u werk goedkeur, word u sertifikaat outomaties uitgereik en aan u gestuur, gewoonlik binne minute en uiterlik {days} na goedkeuring.',
    'email.enrolled.validity': 'Dit is {days} vanaf uitreiking geldig; ons herinner u voordat dit verval.',
    'email.enrolled.button': 'Volg u vordering',
    'email.enrolled.ticks':
      'U bladsy merk elke vereiste af soos dit aangeteken word. As iets daar verkeerd lyk, antwoord op hierdie e-pos of skryf aan {support}.',

    'email.corrected.subject': 'U reggestelde SayPro-sertifikaat: {course}',
    'email.corrected.heading': 'U reggestelde sertifikaat',
    'email.corrected.preheader': '’n Reggestelde sertifikaat vervang {number}.',
    'email.corrected.body':
      'Ons het u sertifikaat vir {course} reggestel. Die reggestelde sertifikaat vervang nommer {number}, wat nou aan verifieerders as vervang gewys word en na die nuwe een verwys.',
    'email.corrected.reason': 'Rede vir die regstelling',
    'email.corrected.reasonFallback': '’n besonderheid op die sertifikaat was verkeerd',
    'email.corrected.newNumber': 'Nuwe sertifikaatnommer',
    'email.corrected.button': 'Laai die reggestelde sertifikaat af',
    'email.corrected.linkWorksUntil':
      'Hierdie skakel werk tot {date}; u bladsy gee te eniger tyd ’n nuwe een. Deel voortaan die reggestelde sertifikaat; wie die ou nommer nagaan, word daarheen gestuur.',

    'email.revoked.subject': 'U SayPro-sertifikaat {number} is herroep',
    'email.revoked.heading': 'U sertifikaat is herroep',
    'email.revoked.preheader': 'Sertifikaat {number} vir {course} is nie meer geldig nie.',
    'email.revoked.body':
      'U sertifikaat vir {course} (nommer {number}) is op {date} herroep. Enigiemand wat dit voortaan nagaan, word meegedeel dat dit herroep is.',
    'email.revoked.mistake':
      'As u glo dit is ’n fout, antwoord op hierdie e-pos of skryf aan {support} met die sertifikaatnommer.',

    'email.expiry.subjectToday': 'U SayPro-sertifikaat vir {course} verval vandag',
    'email.expiry.subjectSoon': 'U SayPro-sertifikaat vir {course} verval op {date}',
    'email.expiry.headingToday': 'U sertifikaat verval vandag',
    'email.expiry.headingSoon': 'U sertifikaat verval binnekort',
    'email.expiry.preheader': 'Sertifikaat {number} is geldig tot {date}.',
    'email.expiry.bodyToday':
      'U sertifikaat vir {course} (nommer {number}) bereik vandag, {date}, sy vervaldatum. Daarna sien verifieerders dit as verval.',
    'email.expiry.bodySoon':
      'U sertifikaat vir {course} (nommer {number}) is geldig tot {date}. Daarna sien verifieerders dit as verval.',
    'email.expiry.howToRenew': 'Hoe om dit te hernu',
    'email.expiry.renewing':
      'Hernuwing beteken dat u weer aan die kursusvereistes voldoen; ’n nuwe sertifikaat word dan outomaties uitgereik en aan u gestuur, met ’n nuwe vervaldatum.',
    'email.expiry.button': 'Hoe om te hernu',
    'email.expiry.questions': 'Vrae? Antwoord op hierdie e-pos of skryf aan {support}.',

    'email.consent.subject': 'U SayPro-sertifikaat vir {course} is gereed: een keuse nodig',
    'email.consent.heading': 'U sertifikaat is gereed om uitgereik te word',
    'email.consent.preheader': 'Ons het u toestemming nodig om u naam daarop te druk.',
    'email.consent.body':
      'U het aan alles voldoen wat {course} vra, en u werk is goedgekeur. Voordat ons u sertifikaat uitreik, het ons u toestemming nodig om u naam daarop te druk:',
    'email.consent.button': 'Gee of weier u toestemming',
    'email.consent.after':
      'Sodra u op u bladsy instem, word die sertifikaat binne minute uitgereik en aan u gestuur; niks anders is nodig nie. U bladsy laat u ook kies of verifieerders u naam sien, en of ons u opnames en herinneringe mag stuur. U kan enige van hierdie keuses later verander.',

    'page.help': 'Hoe sertifikate werk',
    'page.faq': 'Vrae en antwoorde',
    'page.verify': 'Verifieer ’n sertifikaat',
    'page.privacy': 'Privaatheid',
    'page.language': 'Taal',

    'verify.title': 'Verifieer ’n SayPro-sertifikaat',
    'verify.header': 'Sertifikaatverifikasie',
    'verify.verdict.valid': 'Eg en geldig',
    'verify.verdict.revoked': 'Herroep',
    'verify.verdict.superseded': 'Vervang deur ’n reggestelde sertifikaat',
    'verify.verdict.expired': 'Eg, maar verval',
    'verify.verdict.notGenuine': 'Nie eg nie: die handtekening kan nie geverifieer word nie',
    'verify.verdict.notVerified': 'Nie geverifieer nie',
    'verify.row.number': 'Sertifikaatnommer',
    'verify.row.issuedBy': 'Uitgereik deur',
    'verify.row.course': 'Kursus',
    'verify.row.holder': 'Houer',
    'verify.row.completed': 'Voltooi',
    'verify.row.issued': 'Uitgereik',
    'verify.row.validUntil': 'Geldig tot',
    'verify.row.revokedOn': 'Herroep op',
    'verify.row.reason': 'Rede',
    'verify.row.currentVersion': 'Huidige weergawe',
    'verify.row.signature': 'Handtekening',
    'verify.holderWithdrawn': 'Houer se besonderhede op die houer se versoek onttrek ({date})',
    'verify.holderHidden': 'Nie gewys nie (die houer het nie ingestem om hul naam te wys nie)',
    'verify.signature.valid': 'Geverifieer met SayPro se ondertekeningsleutel',
    'verify.signature.compromised': 'Verifieer nie: die sleutel wat dit onderteken het, is onttrek',
    'verify.signature.invalid': 'Verifieer nie',
    'verify.currentVersionIs': 'Die huidige weergawe is {link}.',
    'verify.corrects': 'Hierdie sertifikaat stel {link} reg.',
    'verify.prompt': 'Tik die nommer wat op die sertifikaat gedruk is, of skandeer sy QR-kode.',
    'verify.numberLabel': 'Sertifikaatnommer',
    'verify.placeholder': 'bv. {example}',
    'verify.check': 'Gaan na',
    'verify.orFile': 'Of gaan ’n lêer na',
    'verify.fileLabel': '’n Sertifikaat-PDF, of sy ondertekende bewys (.jwt)',
    'verify.checkFile': 'Gaan lêer na',
    'verify.offline':
      'Enigiemand kan ’n sertifikaat ook vanlyn nagaan met SayPro se gepubliseerde publieke sleutel.',

    'me.title': 'U SayPro-sertifikate',
    'me.header': 'U sertifikate',
    'me.hello': 'Hallo {name}',
    'me.intro': 'Hierdie bladsy is u s’n: hou die skakel privaat. Dit wys u vordering en u sertifikate.',
    'me.certificates': 'Sertifikate',
    'me.noCertificate': 'Nog geen sertifikaat nie.',
    'me.status.valid': 'Geldig',
    'me.status.revoked': 'Herroep',
    'me.status.superseded': 'Vervang deur ’n reggestelde sertifikaat',
    'me.row.number': 'Nommer',
    'me.row.status': 'Status',
    'me.row.issued': 'Uitgereik',
    'me.row.validUntil': 'Geldig tot',
    'me.row.reason': 'Rede',
    'me.row.currentVersion': 'Huidige weergawe',
    'me.download': 'Laai PDF af',
    'me.feedback': 'Gee terugvoer',
    'me.saveCredential': 'Stoor ondertekende bewys',
    'me.linkedIn': 'Voeg by LinkedIn-profiel',
    'me.verificationPage': 'Sy openbare verifikasiebladsy',
    'me.holderProof':
      'Om te bewys dat die ondertekende bewys u s’n is, gee die verifieerder u e-posadres en hierdie kode: {code}. Hou dit andersins privaat: daarmee kan enigiemand wat u adres ken hierdie bewys aan u koppel.',
    'me.state.eligible':
      'Elke vereiste is nagekom: u sertifikaat kom ’n paar sekondes nadat die personeel u werk goedkeur.',
    'me.state.notYet':
      'Sodra die ontbrekende items aangeteken is en die personeel u werk goedgekeur het, word u sertifikaat outomaties uitgereik, ’n paar sekondes later.',
    'me.state.approved': 'Goedgekeur op {date}.',
    'me.state.issued': 'U sertifikaat is uitgereik: sien hieronder.',
    'me.state.awaitingConsent':
      'U sertifikaat is gereed om uitgereik te word: stem hieronder in tot u naam daarop, en dit word binne minute uitgereik en gestuur.',
    'me.state.notEligible':
      'Sommige vereistes ontbreek nog: sodra hulle aangeteken is, word u sertifikaat outomaties uitgereik; u hoef nie weer te vra nie.',
    'me.state.failed': 'Die uitreiking het ’n probleem teëgekom wat die personeel regstel.',
    'me.state.failedBy':
      'Die uitreiking het ’n probleem teëgekom wat die personeel regstel; verwag dit uiterlik op {date}.',
    'me.state.inProgress': 'U sertifikaat word uitgereik en kom gewoonlik binne minute.',
    'me.state.inProgressBy':
      'U sertifikaat word uitgereik en kom gewoonlik binne minute; dit is uiterlik op {date} verskuldig.',
    'me.consent.heading': 'U keuses oor u inligting',
    'me.consent.notAnswered': 'Nog nie beantwoord nie.',
    'me.consent.answerYes': 'U antwoord sedert {date}: ja.',
    'me.consent.answerNo': 'U antwoord sedert {date}: nee.',
    'me.consent.yes': 'Ja, ek stem in',
    'me.consent.no': 'Nee',
    'me.consent.saved': 'U keuses is gestoor. U kan dit te eniger tyd hier verander.',
    'me.consent.save': 'Stoor my keuses',
    'me.consent.recorded':
      'Elke antwoord word met die bostaande bewoording en die datum aangeteken. Sien {link}.',
    'me.consent.privacyLink': 'hoe ons u persoonlike inligting hanteer',
    'me.language.heading': 'Taal',
    'me.language.text': 'Die taal van hierdie bladsy en van die e-posse wat ons aan u stuur.',
    'me.language.save': 'Stoor taal',
    'me.language.saved': 'Gestoor: hierdie bladsy en u e-posse is nou in Afrikaans.',
    'me.notFound.title': 'Skakel nie geldig nie',
    'me.notFound.heading': 'Hierdie skakel maak nie ’n bladsy oop nie',
    'me.notFound.text': 'Dit is dalk verkeerd getik, verval of onttrek. Vra vir ’n nuwe een:',
    'me.linkForm.label': 'U e-posadres',
    'me.linkForm.placeholder': 'u@voorbeeld.org',
    'me.linkForm.button': 'E-pos my skakel aan my',
    'me.linkRequested.title': 'Skakel aangevra',
    'me.linkRequested.heading': 'Kyk in u inkassie',
    'me.linkRequested.text':
      'As hierdie adres bekend is, is ’n skakel na u bladsy op pad. Dit kan ’n paar minute neem om aan te kom.',

    'feedback.title': 'U terugvoer',
    'feedback.heading': 'Hoe het dit met u sertifikaat gegaan?',
    'feedback.about': 'Oor u sertifikaat vir {course} (nommer {number}). Dit neem omtrent twee minute.',
    'feedback.answeredBefore':
      'U het op {date} geantwoord. As u die vorm weer stuur, vervang dit daardie antwoorde.',
    'feedback.notSaved': 'U antwoorde is nie gestoor nie',
    'feedback.error': 'Fout:',
    'feedback.field.processRating': 'Hoe dit gegaan het om u sertifikaat te kry',
    'feedback.field.recommendLikelihood': 'Hoe waarskynlik u die kursus sal aanbeveel',
    'feedback.field.problems': 'Wat op u sertifikaat verkeerd is',
    'feedback.field.comment': 'Enigiets anders',
    'feedback.processRating': 'Hoe goed het dit gegaan om u sertifikaat te kry? (verpligtend)',
    'feedback.processLow': 'swak',
    'feedback.processHigh': 'baie goed',
    'feedback.recommend':
      'Hoe waarskynlik is dit dat u hierdie kursus by ’n vriend of kollega sal aanbeveel? (verpligtend)',
    'feedback.recommendLow': 'glad nie waarskynlik nie',
    'feedback.recommendHigh': 'uiters waarskynlik',
    'feedback.scaleHint': '{min} = {low}, {max} = {high}',
    'feedback.problems': 'Was iets op u sertifikaat verkeerd?',
    'feedback.problemsHint':
      'Merk alles wat van toepassing is; laat leeg as alles reg is. Ons sal kontak maak om dit reg te stel.',
    'feedback.problem.name': 'My naam',
    'feedback.problem.course': 'Die kursus',
    'feedback.problem.date': '’n Datum',
    'feedback.problem.other': 'Iets anders',
    'feedback.optional': '{question} (opsioneel)',
    'feedback.courseScaleLow': 'glad nie',
    'feedback.courseScaleHigh': 'baie',
    'feedback.comment': 'Enigiets anders wat u vir ons wil sê? (opsioneel)',
    'feedback.commentHint':
      'Hoogstens {max} karakters. Laat asseblief ander mense se persoonlike besonderhede uit.',
    'feedback.send': 'Stuur my antwoorde',
    'feedback.kept':
      'U antwoorde word saam met u ander inligting by SayPro bewaar, ingesluit wanneer u ’n afskrif van u inligting vra en saam daarmee uitgevee. Sien {link}.',
    'feedback.privacyLink': 'hoe ons u persoonlike inligting hanteer',
    'feedback.thanks.title': 'Dankie',
    'feedback.thanks.heading': 'Dankie vir u terugvoer',
    'feedback.thanks.saved': 'U antwoorde is gestoor, oor u sertifikaat vir {course}.',
    'feedback.thanks.updated': 'U antwoorde is bygewerk, oor u sertifikaat vir {course}.',
    'feedback.thanks.problems':
      'U het ons vertel dat iets op u sertifikaat verkeerd is: ons span sal daarna kyk en aan u skryf.',
    'feedback.thanks.change': 'Van plan verander? {link}: dit vervang hierdie.',
    'feedback.thanks.changeLink': 'Verander u antwoorde',
    'feedback.notFound.title': 'Skakel nie geldig nie',
    'feedback.notFound.heading': 'Hierdie opnameskakel maak nie ’n opname oop nie',
    'feedback.notFound.text':
      'Dit is dalk verkeerd getik of verval. U persoonlike bladsy, waarna elke e-pos van ons skakel, het ’n opnameknoppie vir elke sertifikaat.',

    'help.title': 'Hoe SayPro-sertifikate werk',
    'help.header': 'Hulp',
    'help.earn.heading': 'Hoe u een verdien',
    'help.earn.text':
      'Elke kursus lys hieronder wat dit van u vra. Wanneer SayPro-personeel u voltooiing goedkeur en aan elke vereiste voldoen is, word u sertifikaat outomaties uitgereik. As iets nog ontbreek, kry u een e-pos wat presies sê wat; sodra die ontbrekende werk aangeteken is, word die sertifikaat vanself uitgereik — u hoef nie weer te vra nie.',
    'help.arrives.heading': 'Wanneer dit aankom',
    'help.arrives.text':
      '’n Paar sekondes na goedkeuring, sodra alle vereistes nagekom is, ontvang u ’n e-pos met u sertifikaat. U persoonlike bladsy (die skakel in elke e-pos) wys elke vereiste met ’n regmerkie en die datum waarop u die sertifikaat kan verwag.',
    'help.download.heading': 'Laai dit af',
    'help.download.text':
      'Maak u persoonlike bladsy oop en druk “Laai PDF af”: elke druk maak ’n nuwe skakel, sodat ’n ou e-pos u nooit in die steek laat nie. Stoor ook die ondertekende bewys (.jwt): dit werk in digitale beursies en bewys die sertifikaat sonder SayPro se webwerf.',
    'help.share.heading': 'Verifieer en deel dit',
    'help.share.text':
      'Elke sertifikaat het ’n nommer en ’n QR-kode wat sy openbare verifikasiebladsy oopmaak. Deel daardie bladsy, of gebruik “Voeg by LinkedIn-profiel” op u persoonlike bladsy. Enigiemand kan ’n sertifikaat by {verify} nagaan met sy nommer of deur die PDF op te laai.',
    'help.expires.heading': 'Wanneer dit verval',
    'help.expires.text':
      'Sommige kursusse reik sertifikate uit wat vir ’n vasgestelde tyd geldig is (sien die kursus hieronder); die vervaldatum is op die sertifikaat gedruk en word op u bladsy gewys. Ons e-pos u 60 dae vooraf en op die dag self. Om te hernu, voldoen weer aan die kursusvereistes (die kursus kan hieronder na sy eie hernuwingstappe skakel); die nuwe sertifikaat word dan outomaties uitgereik en gestuur, met ’n nuwe vervaldatum.',
    'help.lost.heading': 'U skakel verloor?',
    'help.lost.text': 'Vra vir ’n nuwe een met u e-posadres:',
    'help.data.heading': 'U persoonlike inligting',
    'help.data.text':
      'Wat SayPro oor u hou, hoekom, hoe lank, en hoe u ’n afskrif, ’n regstelling of die verwydering daarvan kan vra: {policy}.',
    'help.data.policy': 'die beleid oor databeskerming',
    'help.courses.heading': 'Kursusse en wat hulle vra',
    'help.courses.none': 'Nog geen kursusse is gepubliseer nie.',
    'help.requirement.module': 'Voltooi die module “{title}”.',
    'help.requirement.quiz': 'Behaal minstens {passMark}% in die vasvra “{title}”.',
    'help.requirement.peerReview': 'Laat u werk deur eweknieë beoordeel.',
    'help.requirement.discussion':
      'Neem deel aan die kursusbesprekings (minstens {posts, plural, one {# plasing} other {# plasings}}).',
    'help.requirement.none': 'Geen vereistes buiten goedkeuring deur die personeel nie.',
    'help.validity':
      'Sertifikate van hierdie kursus is {days, plural, one {# dag} other {# dae}} na uitreiking geldig.',
    'help.noExpiry': 'Sertifikate van hierdie kursus verval nie.',
    'help.renew': 'Hoe om dit te hernu',
    'help.deadline':
      'Die personeel reik dit uiterlik {days, plural, one {# dag} other {# dae}} na goedkeuring uit.',

    'faq.title': 'Vrae en antwoorde · SayPro-sertifikate',
    'faq.heading': 'Vrae en antwoorde',
    'faq.contact': 'Enigiets anders: skryf aan {support}. Hoe ons u persoonlike inligting hanteer: {policy}.',
    'faq.q1': 'Ek het die e-pos met my sertifikaat verloor. Wat nou?',
    'faq.a1':
      'Maak u persoonlike bladsy oop vanuit enige SayPro-e-pos en laai dit weer af, of vra vir ’n nuwe skakel op die hulpbladsy met u e-posadres. Die skakel kom binne minute aan as die adres bekend is.',
    'faq.q2': 'Die aflaaiskakel in my e-pos het verval.',
    'faq.a2':
      'Aflaaiskakels in e-posse hou doelbewus net ’n paar dae. U persoonlike bladsy maak elke keer ’n nuwe een wanneer u “Laai PDF af” druk.',
    'faq.q3': 'My naam is verkeerd op die sertifikaat.',
    'faq.a3':
      'Skryf aan die ondersteuningsadres in u e-pos. Die personeel reik ’n reggestelde sertifikaat met ’n nuwe nommer uit; die ou een word dan as vervang gewys, en sy verifikasiebladsy verwys na die nuwe een.',
    'faq.q4': 'Wat doen die QR-kode?',
    'faq.a4':
      'Dit maak die sertifikaat se openbare verifikasiebladsy oop, wat sê of die sertifikaat eg, geldig, herroep, vervang of verval is.',
    'faq.q5': 'Wie kan my naam sien?',
    'faq.a5':
      'Slegs waartoe u ingestem het: sonder u toestemming wys die verifikasiebladsy die kursus en datums, maar nie u naam nie. U persoonlike bladsy is slegs sigbaar vir wie u skakel het.',
    'faq.q6': 'Hoe gaan ’n werkgewer my sertifikaat na?',
    'faq.a6':
      'Deur die QR-kode te skandeer, die nommer by /verify in te tik, of die PDF daar op te laai. Die antwoord kom uit SayPro se rekords en die sertifikaat se digitale handtekening.',
    'faq.q7': 'Kan ’n sertifikaat sonder SayPro se webwerf nagegaan word?',
    'faq.a7':
      'Ja. Die ondertekende bewys (.jwt) en die PDF se handtekening kan vanlyn geverifieer word met SayPro se gepubliseerde publieke sleutel (/.well-known/jwks.json).',
    'faq.q8': 'My sertifikaat word as herroep gewys. Hoekom?',
    'faq.a8':
      'Die personeel herroep ’n sertifikaat slegs om ’n vermelde rede, wat die verifikasiebladsy wys. As u dink dit is ’n fout, skryf aan die ondersteuningsadres.',
    'faq.q9': 'Verval my sertifikaat? Hoe hernu ek dit?',
    'faq.a9':
      'Sommige kursusse reik sertifikate uit wat vir ’n vasgestelde tyd geldig is (sien die kursus op die hulpbladsy); die vervaldatum is op die sertifikaat gedruk. Hernuwing beteken dat u die kursus weer voltooi, wat tot ’n nuwe sertifikaat lei.',
    'faq.q10': 'Ek het die ontbrekende werk klaargemaak. Moet ek weer vra?',
    'faq.a10':
      'Nee. Sodra die personeel u vordering aanteken, word die sertifikaat outomaties uitgereik as aan alles voldoen is.',
    'faq.q11': 'Iemand anders het my persoonlike skakel.',
    'faq.a11':
      'Vra die ondersteuningsadres om u skakels te herroep; vra daarna vir ’n nuwe een. Die skakel wys slegs u vordering en sertifikate en laat niemand toe om dit te verander nie.',
    'faq.q12': 'Watter inligting hou julle en met wie skakel ek daaroor?',
    'faq.a12':
      'U naam, e-pos, kursusvordering en sertifikate, om dit uit te reik en te verifieer. Persoonlike skakels word slegs as ’n eenrigting-hash gestoor. Die beleid oor databeskerming (/privacy) lys alles, hoe lank dit gehou word en u regte; skryf aan die ondersteuningsadres vir versoeke om toegang, regstelling of skrapping.',
    'requirement.module': 'Module “{title}”',
    'requirement.quiz': 'Vasvra “{title}” (slaagpunt {passMark}%)',
    'requirement.peerReview': 'Eweknie-beoordeling',
    'requirement.discussion': 'Kursusbesprekings (minstens {minimumPosts} plasings)',
    'missing.module': 'Voltooi die module “{title}”.',
    'missing.quizNotTaken': 'Doen die vasvra “{title}” (slaagpunt {passMark}%).',
    'missing.quizBelowPassMark': 'Behaal minstens {passMark}% in “{title}” (beste tot dusver: {score}%).',
    'missing.peerReview': 'Laat u werk deur eweknieë beoordeel.',
    'missing.discussion':
      'Neem deel aan die kursusbesprekings (minstens {minimumPosts} plasings; tot dusver: {posts}).',
    'missing.noProgress': 'Nog geen vordering is vir “{course}” aangeteken nie.',
    'missing.nothingRecorded': 'Nog niks is aangeteken nie.',
    'verify.problem.malformed':
      'Dit is nie ’n sertifikaatnommer nie: vergelyk dit met die sertifikaat en tik dit weer.',
    'verify.problem.notFound':
      'Geen sertifikaat het hierdie nommer nie. Vergelyk dit met die sertifikaat en tik dit weer.',
    'verify.problem.file':
      'Die lêer kon nie nagegaan word nie: stuur die sertifikaat-PDF of sy ondertekende bewys (.jwt).',
  },
  notes: {
    'verify.fileLabel':
      '“Ondertekende bewys” for the signed credential (VC-JWT); no settled Afrikaans term exists, “bewysstuk” is an alternative.',
    'verify.check': '“Gaan na” (check); “Kontroleer” would also do.',
    'email.kindRegards': 'Afrikaans letters close without a comma after “Vriendelike groete”.',
  },
};
