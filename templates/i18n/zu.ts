import type { Catalogue } from './catalogue.js';

/**
 * isiZulu. Written by a second-language writer: every message makes sense, but the catalogue wants a
 * first-language review before wide use (docs/locales.md lists the terms chosen with doubt, in `notes`).
 */
export const zu: Catalogue = {
  locale: 'zu',
  tag: 'zu-ZA',
  name: 'isiZulu',
  dir: 'ltr',
  messages: {
    'certificate.title': 'Isitifiketi Sokuphothula',
    'certificate.titleWord': 'Isitifiketi',
    'certificate.titleRest': 'sokuphothula',
    'certificate.certifyThat': 'Lokhu kuqinisekisa ukuthi',
    'certificate.hasCompleted': 'uphothule ngempumelelo isifundo',
    'certificate.awardedTo': 'Siklonyeliswe',
    'certificate.forCompleting': 'ngokuphothula ngempumelelo isifundo',
    'certificate.dateOfCompletion': 'Usuku lokuphothula',
    'certificate.dateOfIssue': 'Usuku lokukhishwa',
    'certificate.validUntil': 'Sisebenza kuze kube',
    'certificate.completed': 'Kuphothulwe',
    'certificate.issued': 'Kukhishwe',
    'certificate.scanToVerify': 'Skena ukuze uqinisekise',
    'certificate.number': 'Inombolo yesitifiketi',
    'certificate.verifyAt': 'Qinisekisa lapha',
    'certificate.verifyThisAt': 'Qinisekisa lesi sitifiketi ku-{site}',
    'certificate.issuedBySayPro': 'Sikhishwe yi-SayPro',
    'certificate.alt.sayProLogo': 'Uphawu lwe-SayPro',
    'certificate.alt.courseLogo': 'Uphawu lomhlinzeki wesifundo. Sikhishwe yi-SayPro.',
    'certificate.alt.signature': 'Isiginesha ka-{name}',
    'certificate.alt.qrCode': 'Ikhodi ye-QR exhumanisa nekhasi lokuqinisekisa {url}',
    'certificate.meta.title': 'Isitifiketi Sokuphothula: {course}',
    'certificate.meta.subject': '{holder} uphothule isifundo {course} (isitifiketi {number})',
    'certificate.meta.keyword': 'isitifiketi',

    'email.dear': 'Sawubona {name},',
    'email.labelled': '{label}: {value}',
    'email.buttonFallback': 'Uma inkinobho ingasebenzi, kopisha leli kheli ulifake esiphequluli sakho: {url}',
    'email.footer': 'SayPro Certificates · Lo mlayezo uthunyelwe ngoba ubambe iqhaza esifundweni se-SayPro.',
    'email.links.pageText': 'Ikhasi lakho (inqubekela phambili, izitifiketi, ukulanda): {url}',
    'email.links.helpText': 'Indlela izitifiketi ezisebenza ngayo: {help} · Imibuzo: {faq}',
    'email.links.privacyText': 'Indlela esiphatha ngayo imininingwane yakho yomuntu siqu: {url}',
    'email.links.page': 'Ikhasi lakho',
    'email.links.pageSentence':
      '{page}: inqubekela phambili yakho, izitifiketi zakho nezixhumanisi ezintsha zokulanda, nganoma yisiphi isikhathi.',
    'email.links.help': 'Indlela izitifiketi ezisebenza ngayo',
    'email.links.faq': 'Imibuzo nezimpendulo',
    'email.links.privacy': 'Indlela esiphatha ngayo imininingwane yakho yomuntu siqu',
    'email.kindRegards': 'Ngokuzithoba,',
    'email.days': '{count, plural, one {usuku olulodwa} other {izinsuku ezingu-#}}',
    'email.fact.certificateNumber': 'Inombolo yesitifiketi',
    'email.fact.validUntil': 'Sisebenza kuze kube',
    'email.fact.reason': 'Isizathu',
    'email.verificationPage': 'Ikhasi lokuqinisekisa: {url}',

    'email.issued.subject': 'Isitifiketi sakho se-SayPro: {course}',
    'email.issued.subjectResent': 'Isitifiketi sakho se-SayPro (sithunyelwe futhi): {course}',
    'email.issued.heading': 'Isitifiketi sakho silungile',
    'email.issued.preheader': 'Landa isitifiketi sakho sesifundo {course}.',
    'email.issued.opening': 'Siyakuhalalisela ngokuphothula isifundo {course}. Isitifiketi sakho silungile.',
    'email.issued.openingHtml':
      'Siyakuhalalisela ngokuphothula isifundo {course}. Isitifiketi sakho silungele ukulandwa njenge-PDF:',
    'email.issued.openingResent':
      'Njengoba ucelile, nasi isixhumanisi esisha sesitifiketi sakho sesifundo {course}. Izixhumanisi zokulanda zangaphambilini azisasebenzi.',
    'email.issued.downloadText': 'Landa isitifiketi sakho (PDF): {url}',
    'email.issued.downloadButton': 'Landa isitifiketi sakho',
    'email.issued.linkWorksUntil':
      'Lesi sixhumanisi sisebenza kuze kube ngu-{date}; ikhasi lakho likunika esisha nganoma yisiphi isikhathi. Gcina i-PDF endaweni ephephile; ungabelana ngayo nanoma ubani.',
    'email.issued.howOthersCheck': 'Abanye bangasihlola kanjani',
    'email.issued.othersCheck':
      'Abaqashi nabanye bangaqinisekisa ukuthi isitifiketi sakho siyiqiniso ngokuskena ikhodi ye-QR esikuso, noma ngokuvula u-{url} baqhathanise imininingwane, noma ngokufaka inombolo yesitifiketi kuwebhusayithi yokuqinisekisa.',
    'email.issued.linkedIn': 'Sengeze kuphrofayela yakho ye-LinkedIn',
    'email.issued.somethingWrong': 'Kukhona okungalungile?',
    'email.issued.correction':
      'Uma igama lakho noma enye imininingwane esitifiketini ingalungile, phendula le imeyili noma ubhalele u-{support} ufake inombolo yesitifiketi. Sizokhipha isitifiketi esilungisiwe; inombolo endala izobe isibonisa ukuthi ithathelwe indawo.',
    'email.survey.heading': 'Kuhambe kanjani?',
    'email.survey.text':
      'Imizuzu emibili, imibuzo emine: sitshele ukuthi kuhambe kanjani ukuthola isitifiketi sakho, nokuthi ingabe kukhona okungalungile kuso. Uvumile ukuthola izinhlolovo; ungakushintsha lokho ekhasini lakho.',
    'email.survey.button': 'Phendula inhlolovo',

    'email.notEligible.subject':
      'Isitifiketi sakho se-SayPro sesifundo {course}: kusele izinyathelo ezimbalwa',
    'email.notEligible.heading': 'Kusele izinyathelo ezimbalwa',
    'email.notEligible.preheader':
      '{count, plural, one {Kusele isinyathelo esisodwa} other {Kusele izinyathelo ezingu-#}} ngaphambi kokuba isitifiketi sakho sikhishwe.',
    'email.notEligible.intro':
      'Umsebenzi wakho wesifundo {course} wamukelwe, kodwa isitifiketi asikakwazi ukukhishwa. Okusasele ukwenziwa:',
    'email.notEligible.missingFallback': 'Isidingo esithile sesifundo asikaphothulwa.',
    'email.notEligible.closing':
      'Uma lokhu sekwenziwe, isitifiketi sakho sikhishwa ngokuzenzakalelayo; akudingeki ucele futhi. Uma ucabanga ukuthi leli yiphutha, phendula le imeyili noma ubhalele u-{support}.',

    'email.pageLink.subject': 'Isixhumanisi sakho sezitifiketi zakho ze-SayPro',
    'email.pageLink.heading': 'Isixhumanisi sakho siqu',
    'email.pageLink.preheader': 'Isixhumanisi esisha sekhasi lakho.',
    'email.pageLink.intro':
      'Wena (noma omunye onekheli lakho) ucele isixhumanisi esisha sekhasi lakho siqu. Uma kungewona wena, ungayinaki le imeyili: isixhumanisi sibonisa kuphela inqubekela phambili yakho nezitifiketi zakho.',

    'email.surveyReminder.subject': 'Kuhambe kanjani ngesitifiketi sakho se-SayPro sesifundo {course}?',
    'email.surveyReminder.heading': 'Imizuzu emibili yombono wakho?',
    'email.surveyReminder.preheader': 'Imibuzo emine emifushane mayelana nesitifiketi sakho.',
    'email.surveyReminder.body':
      'Esontweni eledlule uthole isitifiketi sakho sesifundo {course} (inombolo {number}). Sitshele ukuthi kuhambe kanjani ukusithola, nokuthi ingabe kukhona okungalungile kuso: imibuzo emine emifushane, nendawo yanoma yini enye.',
    'email.surveyReminder.onlyReminder':
      'Lesi kuphela isikhumbuzo esisithumelayo ngalokhu. Uvumile izinhlolovo nezikhumbuzo; ungakuhoxisa lokho ekhasini lakho nganoma yisiphi isikhathi.',

    'email.enrolled.subject': 'Wamukelekile ku-{course}: indlela yokuthola isitifiketi sakho se-SayPro',
    'email.enrolled.heading': 'Wamukelekile esifundweni sakho',
    'email.enrolled.preheader':
      'Okukunikeza isitifiketi sesifundo {course}, nalapho ungalandela khona inqubekela phambili yakho.',
    'email.enrolled.intro': 'Ubhalisiwe esifundweni {course}.',
    'email.enrolled.whatEarns': 'Okukunikeza isitifiketi',
    'email.enrolled.requirementFallback': 'Ukwamukelwa komsebenzi wakho esifundweni ngabasebenzi.',
    'email.enrolled.howIssued':
      'Uma lokhu sekubhalisiwe futhi abasebenzi bamukele umsebenzi wakho, isitifiketi sakho sikhishwa futhi sithunyelwe kuwe ngokuzenzakalelayo, imvamisa phakathi nemizuzu embalwa futhi kungakapheli {days} emva kokwamukelwa.',
    'email.enrolled.validity':
      'Sisebenza {days} kusukela ngosuku lokukhishwa; sizokukhumbuza ngaphambi kokuthi siphelelwe yisikhathi.',
    'email.enrolled.button': 'Landela inqubekela phambili yakho',
    'email.enrolled.ticks':
      'Ikhasi lakho limaka isidingo ngasinye uma sesibhalisiwe. Uma kukhona okubukeka kungalungile lapho, phendula le imeyili noma ubhalele u-{support}.',

    'email.corrected.subject': 'Isitifiketi sakho se-SayPro esilungisiwe: {course}',
    'email.corrected.heading': 'Isitifiketi sakho esilungisiwe',
    'email.corrected.preheader': 'Isitifiketi esilungisiwe sithatha indawo ka-{number}.',
    'email.corrected.body':
      'Silungise isitifiketi sakho sesifundo {course}. Isitifiketi esilungisiwe sithatha indawo yenombolo {number}, manje ebonisa abaqinisekisi ukuthi ithathelwe indawo futhi ikhomba kwesisha.',
    'email.corrected.reason': 'Isizathu sokulungisa',
    'email.corrected.reasonFallback': 'imininingwane ethile esitifiketini yayingalungile',
    'email.corrected.newNumber': 'Inombolo entsha yesitifiketi',
    'email.corrected.button': 'Landa isitifiketi esilungisiwe',
    'email.corrected.linkWorksUntil':
      'Lesi sixhumanisi sisebenza kuze kube ngu-{date}; ikhasi lakho likunika esisha nganoma yisiphi isikhathi. Sicela wabelane ngesitifiketi esilungisiwe kusukela manje; noma ubani ohlola inombolo endala uthunyelwa kuso.',

    'email.revoked.subject': 'Isitifiketi sakho se-SayPro {number} sihoxisiwe',
    'email.revoked.heading': 'Isitifiketi sakho sihoxisiwe',
    'email.revoked.preheader': 'Isitifiketi {number} sesifundo {course} asisasebenzi.',
    'email.revoked.body':
      'Isitifiketi sakho sesifundo {course} (inombolo {number}) sihoxiswe ngomhla ka-{date}. Noma ubani osihlolayo kusukela manje utshelwa ukuthi sihoxisiwe.',
    'email.revoked.mistake':
      'Uma ukholwa ukuthi leli yiphutha, phendula le imeyili noma ubhalele u-{support} ufake inombolo yesitifiketi.',

    'email.expiry.subjectToday':
      'Isitifiketi sakho se-SayPro sesifundo {course} siphelelwa yisikhathi namuhla',
    'email.expiry.subjectSoon':
      'Isitifiketi sakho se-SayPro sesifundo {course} siphelelwa yisikhathi ngomhla ka-{date}',
    'email.expiry.headingToday': 'Isitifiketi sakho siphelelwa yisikhathi namuhla',
    'email.expiry.headingSoon': 'Isitifiketi sakho sizophelelwa yisikhathi maduze',
    'email.expiry.preheader': 'Isitifiketi {number} sisebenza kuze kube ngu-{date}.',
    'email.expiry.bodyToday':
      'Isitifiketi sakho sesifundo {course} (inombolo {number}) siphelelwa yisikhathi namuhla, {date}. Kusukela lapho, abaqinisekisi basibona njengesiphelelwe yisikhathi.',
    'email.expiry.bodySoon':
      'Isitifiketi sakho sesifundo {course} (inombolo {number}) sisebenza kuze kube ngu-{date}. Emva kwalokho, abaqinisekisi basibona njengesiphelelwe yisikhathi.',
    'email.expiry.howToRenew': 'Indlela yokusivuselela',
    'email.expiry.renewing':
      'Ukuvuselela kusho ukuhlangabezana futhi nezidingo zesifundo; bese kukhishwa isitifiketi esisha futhi sithunyelwe kuwe ngokuzenzakalelayo, sinosuku olusha lokuphelelwa yisikhathi.',
    'email.expiry.button': 'Indlela yokuvuselela',
    'email.expiry.questions': 'Unemibuzo? Phendula le imeyili noma ubhalele u-{support}.',

    'email.consent.subject': 'Isitifiketi sakho se-SayPro sesifundo {course} silungile: kudingeka ukhethe',
    'email.consent.heading': 'Isitifiketi sakho silungele ukukhishwa',
    'email.consent.preheader': 'Sidinga imvume yakho yokuphrinta igama lakho kuso.',
    'email.consent.body':
      'Uhlangabezane nakho konke isifundo {course} esikudingayo, futhi umsebenzi wakho wamukelwe. Ngaphambi kokuthi sikhiphe isitifiketi sakho sidinga imvume yakho yokuphrinta igama lakho kuso:',
    'email.consent.button': 'Nika noma wenqabe imvume yakho',
    'email.consent.after':
      'Uma usuvumile ekhasini lakho, isitifiketi siyakhishwa futhi sithunyelwe kuwe phakathi nemizuzu embalwa; akukho okunye okudingekayo. Ikhasi lakho likuvumela nokuthi ukhethe ukuthi abaqinisekisi bayalibona yini igama lakho, nokuthi singakuthumelela yini izinhlolovo nezikhumbuzo. Ungakushintsha noma yikuphi kwalokhu kamuva.',

    'page.help': 'Indlela izitifiketi ezisebenza ngayo',
    'page.faq': 'Imibuzo nezimpendulo',
    'page.verify': 'Qinisekisa isitifiketi',
    'page.privacy': 'Ubumfihlo',
    'page.language': 'Ulimi',

    'verify.title': 'Qinisekisa isitifiketi se-SayPro',
    'verify.header': 'Ukuqinisekiswa kwesitifiketi',
    'verify.verdict.valid': 'Siyiqiniso futhi siyasebenza',
    'verify.verdict.revoked': 'Sihoxisiwe',
    'verify.verdict.superseded': 'Sithathelwe indawo yisitifiketi esilungisiwe',
    'verify.verdict.expired': 'Siyiqiniso, kodwa siphelelwe yisikhathi',
    'verify.verdict.notGenuine': 'Asisona esiyiqiniso: isiginesha ayiqinisekiseki',
    'verify.verdict.notVerified': 'Akuqinisekisiwe',
    'verify.row.number': 'Inombolo yesitifiketi',
    'verify.row.issuedBy': 'Umkhiphi',
    'verify.row.course': 'Isifundo',
    'verify.row.holder': 'Umnikazi',
    'verify.row.completed': 'Kuphothulwe',
    'verify.row.issued': 'Kukhishwe',
    'verify.row.validUntil': 'Sisebenza kuze kube',
    'verify.row.revokedOn': 'Kuhoxiswe ngomhla',
    'verify.row.reason': 'Isizathu',
    'verify.row.currentVersion': 'Inguqulo yamanje',
    'verify.row.signature': 'Isiginesha',
    'verify.holderWithdrawn': 'Imininingwane yomnikazi ihoxisiwe ngesicelo somnikazi ({date})',
    'verify.holderHidden': 'Akuboniswa (umnikazi akavumanga ukuthi igama lakhe liboniswe)',
    'verify.signature.valid': 'Kuqinisekiswe ngokhiye wokusayina we-SayPro',
    'verify.signature.compromised': 'Akuqinisekiseki: ukhiye owasisayina uhoxisiwe',
    'verify.signature.invalid': 'Akuqinisekiseki',
    'verify.currentVersionIs': 'Inguqulo yamanje ngu-{link}.',
    'verify.corrects': 'Lesi sitifiketi silungisa u-{link}.',
    'verify.prompt': 'Bhala inombolo ephrintiwe esitifiketini, noma uskene ikhodi yaso ye-QR.',
    'verify.numberLabel': 'Inombolo yesitifiketi',
    'verify.placeholder': 'isib. {example}',
    'verify.check': 'Hlola',
    'verify.orFile': 'Noma uhlole ifayela',
    'verify.fileLabel': 'I-PDF yesitifiketi, noma ubufakazi baso obusayiniwe (.jwt)',
    'verify.checkFile': 'Hlola ifayela',
    'verify.offline':
      'Noma ubani angasihlola isitifiketi engaxhunyiwe ku-inthanethi esebenzisa ukhiye womphakathi oshicilelwe yi-SayPro.',

    'me.title': 'Izitifiketi zakho ze-SayPro',
    'me.header': 'Izitifiketi zakho',
    'me.hello': 'Sawubona, {name}',
    'me.intro':
      'Leli khasi ngelakho: gcina isixhumanisi salo siyimfihlo. Libonisa inqubekela phambili yakho nezitifiketi zakho.',
    'me.certificates': 'Izitifiketi',
    'me.noCertificate': 'Asikabikho isitifiketi.',
    'me.status.valid': 'Siyasebenza',
    'me.status.revoked': 'Sihoxisiwe',
    'me.status.superseded': 'Sithathelwe indawo yisitifiketi esilungisiwe',
    'me.row.number': 'Inombolo',
    'me.row.status': 'Isimo',
    'me.row.issued': 'Kukhishwe',
    'me.row.validUntil': 'Sisebenza kuze kube',
    'me.row.reason': 'Isizathu',
    'me.row.currentVersion': 'Inguqulo yamanje',
    'me.download': 'Landa i-PDF',
    'me.feedback': 'Nikeza umbono',
    'me.saveCredential': 'Gcina ubufakazi obusayiniwe',
    'me.linkedIn': 'Engeza kuphrofayela ye-LinkedIn',
    'me.verificationPage': 'Ikhasi laso lokuqinisekisa lomphakathi',
    'me.holderProof':
      'Ukuze ufakazele ukuthi ubufakazi obusayiniwe bungobakho, nika oqinisekisayo ikheli lakho le-imeyili nale khodi: {code}. Ngaphandle kwalokho yigcine iyimfihlo: ngayo, noma ubani owazi ikheli lakho angaxhumanisa lobu bufakazi nawe.',
    'me.state.eligible':
      'Zonke izidingo zifeziwe: isitifiketi sakho sifika imizuzwana embalwa emva kokuba abasebenzi bamukele umsebenzi wakho.',
    'me.state.notYet':
      'Uma izinto ezisasele sezibhalisiwe futhi abasebenzi sebamukele umsebenzi wakho, isitifiketi sakho sikhishwa ngokuzenzakalelayo, imizuzwana embalwa kamuva.',
    'me.state.approved': 'Kwamukelwe ngomhla ka-{date}.',
    'me.state.issued': 'Isitifiketi sakho sikhishiwe: bheka ngezansi.',
    'me.state.awaitingConsent':
      'Isitifiketi sakho silungele ukukhishwa: vuma ngezansi ukuthi igama lakho libe kuso, bese siyakhishwa futhi sithunyelwe phakathi nemizuzu embalwa.',
    'me.state.notEligible':
      'Ezinye izidingo zisasele: uma sezibhalisiwe, isitifiketi sakho sikhishwa ngokuzenzakalelayo; akudingeki ucele futhi.',
    'me.state.failed': 'Ukusikhipha kuhlangabezane nenkinga abasebenzi abayilungisayo.',
    'me.state.failedBy':
      'Ukusikhipha kuhlangabezane nenkinga abasebenzi abayilungisayo; silindele okungenani ngomhla ka-{date}.',
    'me.state.inProgress': 'Isitifiketi sakho siyakhishwa futhi imvamisa sifika phakathi nemizuzu embalwa.',
    'me.state.inProgressBy':
      'Isitifiketi sakho siyakhishwa futhi imvamisa sifika phakathi nemizuzu embalwa; kufanele sifike ngomhla ka-{date} kamuva kakhulu.',
    'me.consent.heading': 'Ukukhetha kwakho mayelana nemininingwane yakho',
    'me.consent.notAnswered': 'Akukaphendulwa.',
    'me.consent.answerYes': 'Impendulo yakho kusukela ngomhla ka-{date}: yebo.',
    'me.consent.answerNo': 'Impendulo yakho kusukela ngomhla ka-{date}: cha.',
    'me.consent.yes': 'Yebo, ngiyavuma',
    'me.consent.no': 'Cha',
    'me.consent.saved': 'Ukukhetha kwakho kugciniwe. Ungakushintsha lapha nganoma yisiphi isikhathi.',
    'me.consent.save': 'Gcina ukukhetha kwami',
    'me.consent.recorded': 'Impendulo ngayinye iyabhalwa kanye namagama angenhla nosuku. Bheka {link}.',
    'me.consent.privacyLink': 'indlela esiphatha ngayo imininingwane yakho yomuntu siqu',
    'me.language.heading': 'Ulimi',
    'me.language.text': 'Ulimi lwaleli khasi nolwama-imeyili esikuthumelela wona.',
    'me.language.save': 'Gcina ulimi',
    'me.language.saved': 'Kugciniwe: leli khasi nama-imeyili akho manje asesiZulwini.',
    'me.notFound.title': 'Isixhumanisi asisebenzi',
    'me.notFound.heading': 'Lesi sixhumanisi asivuli ikhasi',
    'me.notFound.text': 'Kungenzeka sibhalwe kabi, siphelelwe yisikhathi noma sihoxisiwe. Cela esisha:',
    'me.linkForm.label': 'Ikheli lakho le-imeyili',
    'me.linkForm.placeholder': 'wena@isibonelo.org',
    'me.linkForm.button': 'Ngithumelele isixhumanisi sami',
    'me.linkRequested.title': 'Isixhumanisi siceliwe',
    'me.linkRequested.heading': 'Hlola ibhokisi lakho lokungenayo',
    'me.linkRequested.text':
      'Uma leli kheli laziwa, isixhumanisi sekhasi lakho sisendleleni. Kungathatha imizuzu embalwa ukuthi sifike.',

    'feedback.title': 'Umbono wakho',
    'feedback.heading': 'Kuhambe kanjani ngesitifiketi sakho?',
    'feedback.about':
      'Mayelana nesitifiketi sakho sesifundo {course} (inombolo {number}). Kuthatha cishe imizuzu emibili.',
    'feedback.answeredBefore':
      'Uphendule ngomhla ka-{date}. Ukuthumela ifomu futhi kuthatha indawo yalezo zimpendulo.',
    'feedback.notSaved': 'Izimpendulo zakho azigcinwanga',
    'feedback.error': 'Iphutha:',
    'feedback.field.processRating': 'Ukuthi kuhambe kanjani ukuthola isitifiketi sakho',
    'feedback.field.recommendLikelihood': 'Amathuba okuthi uncome isifundo',
    'feedback.field.problems': 'Okungalungile esitifiketini sakho',
    'feedback.field.comment': 'Okunye',
    'feedback.processRating': 'Kuhambe kahle kangakanani ukuthola isitifiketi sakho? (kuyadingeka)',
    'feedback.processLow': 'kabi',
    'feedback.processHigh': 'kahle kakhulu',
    'feedback.recommend':
      'Mangakanani amathuba okuthi uncome lesi sifundo kumngane noma kozakwenu? (kuyadingeka)',
    'feedback.recommendLow': 'akunakwenzeka nhlobo',
    'feedback.recommendHigh': 'kungenzeka kakhulu',
    'feedback.scaleHint': '{min} = {low}, {max} = {high}',
    'feedback.problems': 'Ingabe kukhona okungalungile esitifiketini sakho?',
    'feedback.problemsHint':
      'Maka konke okufanelekayo; shiya kungenalutho uma konke kulungile. Sizokuthinta ukuze sikulungise.',
    'feedback.problem.name': 'Igama lami',
    'feedback.problem.course': 'Isifundo',
    'feedback.problem.date': 'Usuku',
    'feedback.problem.other': 'Okunye',
    'feedback.optional': '{question} (akuphoqelekile)',
    'feedback.courseScaleLow': 'nhlobo',
    'feedback.courseScaleHigh': 'kakhulu',
    'feedback.comment': 'Kukhona okunye ofuna ukusitshela khona? (akuphoqelekile)',
    'feedback.commentHint':
      'Izinhlamvu ezingu-{max} ubuningi. Sicela ungafaki imininingwane yomuntu siqu yabanye abantu.',
    'feedback.send': 'Thumela izimpendulo zami',
    'feedback.kept':
      'Izimpendulo zakho zigcinwa kanye neminye imininingwane yakho e-SayPro, zifakwa uma ucela ikhophi yemininingwane yakho futhi zisulwe kanye nayo. Bheka {link}.',
    'feedback.privacyLink': 'indlela esiphatha ngayo imininingwane yakho yomuntu siqu',
    'feedback.thanks.title': 'Siyabonga',
    'feedback.thanks.heading': 'Siyabonga ngombono wakho',
    'feedback.thanks.saved': 'Izimpendulo zakho zigciniwe, mayelana nesitifiketi sakho sesifundo {course}.',
    'feedback.thanks.updated':
      'Izimpendulo zakho zibuyekeziwe, mayelana nesitifiketi sakho sesifundo {course}.',
    'feedback.thanks.problems':
      'Usitshele ukuthi kukhona okungalungile esitifiketini sakho: ithimba lethu lizokubheka futhi likubhalele.',
    'feedback.thanks.change': 'Ushintshe umqondo? {link}: zithatha indawo yalezi.',
    'feedback.thanks.changeLink': 'Shintsha izimpendulo zakho',
    'feedback.notFound.title': 'Isixhumanisi asisebenzi',
    'feedback.notFound.heading': 'Lesi sixhumanisi senhlolovo asivuli inhlolovo',
    'feedback.notFound.text':
      'Kungenzeka sibhalwe kabi noma siphelelwe yisikhathi. Ikhasi lakho siqu, elixhunywe kuyo yonke i-imeyili esiyithumelayo, linenkinobho yenhlolovo yesitifiketi ngasinye.',

    'help.title': 'Indlela izitifiketi ze-SayPro ezisebenza ngayo',
    'help.header': 'Usizo',
    'help.earn.heading': 'Indlela yokuthola isitifiketi',
    'help.earn.text':
      'Isifundo ngasinye sibala ngezansi lokho esikucela kuwe. Uma abasebenzi be-SayPro bamukela ukuphothula kwakho futhi zonke izidingo zifeziwe, isitifiketi sakho sikhishwa ngokuzenzakalelayo. Uma kusekhona okusasele, uthola i-imeyili eyodwa ekutshela ngqo ukuthi yini; uma umsebenzi osasele usubhalisiwe, isitifiketi sizikhiphela sona — akudingeki ucele futhi.',
    'help.arrives.heading': 'Sifika nini',
    'help.arrives.text':
      'Imizuzwana embalwa emva kokwamukelwa, uma zonke izidingo sezifeziwe, uthola i-imeyili enesitifiketi sakho. Ikhasi lakho siqu (isixhumanisi esikuyo yonke i-imeyili) libonisa isidingo ngasinye simakiwe nosuku okulindeleke ukuthi isitifiketi sifike ngalo.',
    'help.download.heading': 'Ukusilanda',
    'help.download.text':
      'Vula ikhasi lakho siqu bese ucindezela “Landa i-PDF”: ukucindezela ngakunye kwenza isixhumanisi esisha, ngakho i-imeyili endala ayikushiyi ungenalo usizo. Gcina nobufakazi obusayiniwe (.jwt): busebenza ezikhwameni zedijithali futhi bufakazela isitifiketi ngaphandle kwewebhusayithi ye-SayPro.',
    'help.share.heading': 'Ukusiqinisekisa nokwabelana ngaso',
    'help.share.text':
      'Isitifiketi ngasinye sinenombolo nekhodi ye-QR evula ikhasi laso lokuqinisekisa lomphakathi. Yabelana ngalelo khasi, noma usebenzise “Engeza kuphrofayela ye-LinkedIn” ekhasini lakho siqu. Noma ubani angahlola isitifiketi ku-{verify} ngenombolo yaso noma ngokulayisha i-PDF.',
    'help.expires.heading': 'Siphelelwa yisikhathi nini',
    'help.expires.text':
      'Ezinye izifundo zikhipha izitifiketi ezisebenza isikhathi esithile (bheka isifundo ngezansi); usuku lokuphelelwa yisikhathi luphrintiwe esitifiketini futhi luboniswa ekhasini lakho. Sikuthumelela i-imeyili ezinsukwini ezingu-60 ngaphambili nangalolo suku. Ukuze usivuselele, hlangabezana futhi nezidingo zesifundo (isifundo singaxhumanisa nezinyathelo zaso zokuvuselela ngezansi); isitifiketi esisha sibe sesikhishwa futhi sithunyelwe ngokuzenzakalelayo, sinosuku olusha lokuphelelwa yisikhathi.',
    'help.lost.heading': 'Ulahlekelwe yisixhumanisi sakho?',
    'help.lost.text': 'Cela esisha ngekheli lakho le-imeyili:',
    'help.data.heading': 'Imininingwane yakho yomuntu siqu',
    'help.data.text':
      'Lokho i-SayPro ekugcinayo ngawe, ukuthi kungani, isikhathi esingakanani, nokuthi ungacela kanjani ikhophi, ukulungiswa noma ukususwa kwakho: {policy}.',
    'help.data.policy': 'inqubomgomo yokuvikelwa kwemininingwane',
    'help.courses.heading': 'Izifundo nalokho ezikucelayo',
    'help.courses.none': 'Azikashicilelwa izifundo.',
    'help.requirement.module': 'Phothula imojuli ethi “{title}”.',
    'help.requirement.quiz': 'Thola okungenani u-{passMark}% esivivinyweni esithi “{title}”.',
    'help.requirement.peerReview': 'Umsebenzi wakho mawuhlolwe ontanga.',
    'help.requirement.discussion':
      'Hlanganyela ezingxoxweni zesifundo (okungenani {posts, plural, one {okuthunyelwe okukodwa} other {okuthunyelwe okungu-#}}).',
    'help.requirement.none': 'Azikho izidingo ngaphandle kokwamukelwa ngabasebenzi.',
    'help.validity':
      'Izitifiketi zalesi sifundo zisebenza {days, plural, one {usuku olulodwa} other {izinsuku ezingu-#}} emva kokukhishwa.',
    'help.noExpiry': 'Izitifiketi zalesi sifundo aziphelelwa yisikhathi.',
    'help.renew': 'Indlela yokusivuselela',
    'help.deadline':
      'Abasebenzi basikhipha kungakapheli {days, plural, one {usuku olulodwa} other {izinsuku ezingu-#}} emva kokwamukelwa.',

    'faq.title': 'Imibuzo nezimpendulo · izitifiketi ze-SayPro',
    'faq.heading': 'Imibuzo nezimpendulo',
    'faq.contact':
      'Okunye: bhalela u-{support}. Indlela esiphatha ngayo imininingwane yakho yomuntu siqu: {policy}.',
    'faq.q1': 'Ngilahlekelwe yi-imeyili enesitifiketi sami. Manje kwenziwa njani?',
    'faq.a1':
      'Vula ikhasi lakho siqu kunoma iyiphi i-imeyili ye-SayPro bese usilanda futhi, noma ucele isixhumanisi esisha ekhasini losizo ngekheli lakho le-imeyili. Isixhumanisi sifika phakathi nemizuzu embalwa uma ikheli laziwa.',
    'faq.q2': 'Isixhumanisi sokulanda esikwi-imeyili yami siphelelwe yisikhathi.',
    'faq.a2':
      'Izixhumanisi zokulanda ezikuma-imeyili zihlala izinsuku ezimbalwa ngenhloso. Ikhasi lakho siqu lenza esisha njalo uma ucindezela “Landa i-PDF”.',
    'faq.q3': 'Igama lami alilungile esitifiketini.',
    'faq.a3':
      'Bhalela ikheli losizo elikwi-imeyili yakho. Abasebenzi bakhipha isitifiketi esilungisiwe esinenombolo entsha; esidala sibe sesibonisa ukuthi sithathelwe indawo, futhi ikhasi laso lokuqinisekisa likhomba kwesisha.',
    'faq.q4': 'Yenzani ikhodi ye-QR?',
    'faq.a4':
      'Ivula ikhasi lokuqinisekisa lomphakathi lesitifiketi, elisho ukuthi isitifiketi siyiqiniso yini, siyasebenza, sihoxisiwe, sithathelwe indawo noma siphelelwe yisikhathi.',
    'faq.q5': 'Ubani ongabona igama lami?',
    'faq.a5':
      'Kuphela lokho okuvumile: ngaphandle kwemvume yakho ikhasi lokuqinisekisa libonisa isifundo nezinsuku kodwa hhayi igama lakho. Ikhasi lakho siqu libonwa kuphela yilowo onesixhumanisi sakho.',
    'faq.q6': 'Umqashi usihlola kanjani isitifiketi sami?',
    'faq.a6':
      'Ngokuskena ikhodi ye-QR, ngokubhala inombolo ku-/verify, noma ngokulayisha i-PDF lapho. Impendulo ivela emarekhodini e-SayPro nasesiginesheni yedijithali yesitifiketi.',
    'faq.q7': 'Ingabe isitifiketi singahlolwa ngaphandle kwewebhusayithi ye-SayPro?',
    'faq.a7':
      'Yebo. Ubufakazi obusayiniwe (.jwt) nesiginesha ye-PDF kungaqinisekiswa ungaxhunyiwe ku-inthanethi ngokhiye womphakathi oshicilelwe yi-SayPro (/.well-known/jwks.json).',
    'faq.q8': 'Isitifiketi sami sibonisa ukuthi sihoxisiwe. Kungani?',
    'faq.a8':
      'Abasebenzi bahoxisa isitifiketi kuphela ngesizathu esishiwo, esiboniswa ikhasi lokuqinisekisa. Uma ucabanga ukuthi kuyiphutha, bhalela ikheli losizo.',
    'faq.q9': 'Ingabe isitifiketi sami siyaphelelwa yisikhathi? Ngisivuselela kanjani?',
    'faq.a9':
      'Ezinye izifundo zikhipha izitifiketi ezisebenza isikhathi esithile (bheka isifundo ekhasini losizo); usuku lokuphelelwa yisikhathi luphrintiwe esitifiketini. Ukuvuselela kusho ukuphothula isifundo futhi, okuholela esitifiketini esisha.',
    'faq.q10': 'Ngiwuqedile umsebenzi obusasele. Kumele ngicele futhi?',
    'faq.a10':
      'Cha. Uma nje abasebenzi sebebhalise inqubekela phambili yakho, isitifiketi sikhishwa ngokuzenzakalelayo uma konke kufeziwe.',
    'faq.q11': 'Omunye umuntu unesixhumanisi sami siqu.',
    'faq.a11':
      'Cela ikheli losizo ukuthi lihoxise izixhumanisi zakho; bese ucela esisha emva kwalokho. Isixhumanisi sibonisa kuphela inqubekela phambili yakho nezitifiketi zakho, asivumeli muntu ukuthi azishintshe.',
    'faq.q12': 'Nigcina miphi imininingwane futhi ngixhumana nobani ngayo?',
    'faq.a12':
      'Igama lakho, i-imeyili, inqubekela phambili esifundweni nezitifiketi, ukuze sizikhiphe futhi siziqinisekise. Izixhumanisi zomuntu siqu zigcinwa kuphela njenge-hash yendlela eyodwa. Inqubomgomo yokuvikelwa kwemininingwane (/privacy) ibala konke, isikhathi okugcinwa ngaso namalungelo akho; bhalela ikheli losizo ngezicelo zokufinyelela, ukulungisa noma ukususa.',
    'requirement.module': 'Imojuli ethi “{title}”',
    'requirement.quiz': 'Isivivinyo esithi “{title}” (amaphuzu okuphasa {passMark}%)',
    'requirement.peerReview': 'Ukuhlolwa ontanga',
    'requirement.discussion': 'Izingxoxo zesifundo (okungenani okuthunyelwe okungu-{minimumPosts})',
    'missing.module': 'Phothula imojuli ethi “{title}”.',
    'missing.quizNotTaken': 'Bhala isivivinyo esithi “{title}” (amaphuzu okuphasa {passMark}%).',
    'missing.quizBelowPassMark':
      'Thola okungenani u-{passMark}% ku-“{title}” (okuhle kakhulu kuze kube manje: {score}%).',
    'missing.peerReview': 'Umsebenzi wakho mawuhlolwe ontanga.',
    'missing.discussion':
      'Hlanganyela ezingxoxweni zesifundo (okungenani okuthunyelwe okungu-{minimumPosts}; kuze kube manje: {posts}).',
    'missing.noProgress': 'Ayikabhalwa inqubekela phambili yesifundo “{course}”.',
    'missing.nothingRecorded': 'Akukabhalwa lutho.',
    'verify.problem.malformed':
      'Lena akuyona inombolo yesitifiketi: yiqhathanise nesitifiketi bese uyibhala futhi.',
    'verify.problem.notFound':
      'Asikho isitifiketi esinale nombolo. Yiqhathanise nesitifiketi bese uyibhala futhi.',
    'verify.problem.file':
      'Ifayela alikwazanga ukuhlolwa: thumela i-PDF yesitifiketi noma ubufakazi baso obusayiniwe (.jwt).',
  },
  notes: {
    'help.earn.text':
      'The help and FAQ pages are the longest isiZulu passages: a first-language review matters most there.',
    'certificate.title':
      '“Isitifiketi Sokuphothula” (certificate of completing); “Isitifiketi Sokuqeda” is an alternative. Review wanted.',
    'certificate.awardedTo':
      '“Siklonyeliswe” (it is awarded) stands alone above the name, as the English does; a reviewer may prefer “Sinikezwa”.',
    'email.dear':
      '“Sawubona {name},” (a greeting) for “Dear”: isiZulu letters have no neutral “Dear” without knowing the reader’s gender.',
    'email.kindRegards': '“Ngokuzithoba,” (respectfully) as the closing.',
    'verify.fileLabel':
      '“Ubufakazi obusayiniwe” (signed proof) for the signed credential (VC-JWT); no settled term.',
    'verify.row.issuedBy': '“Umkhiphi” (the one who issues) as a row label; review wanted.',
    'verify.offline': '“engaxhunyiwe ku-inthanethi” for offline.',
    'certificate.dateOfCompletion':
      'Dates follow CLDR’s isiZulu long format (“Mashi 12, 2025”), month first; a reviewer may prefer “12 Mashi 2025”.',
  },
};
