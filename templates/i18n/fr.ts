import type { Catalogue } from './catalogue.js';

/**
 * French (France and francophone Africa): vouvoiement throughout, typographic apostrophes (’), a space
 * before the colon as French typography wants.
 */
export const fr: Catalogue = {
  locale: 'fr',
  tag: 'fr',
  name: 'Français',
  dir: 'ltr',
  messages: {
    'certificate.title': 'Certificat de réussite',
    'certificate.titleWord': 'Certificat',
    'certificate.titleRest': 'de réussite',
    'certificate.certifyThat': 'Nous certifions que',
    'certificate.hasCompleted': 'a suivi avec succès la formation',
    'certificate.awardedTo': 'Décerné à',
    'certificate.forCompleting': 'pour avoir suivi avec succès',
    'certificate.dateOfCompletion': 'Date d’achèvement',
    'certificate.dateOfIssue': 'Date de délivrance',
    'certificate.validUntil': 'Valable jusqu’au',
    'certificate.completed': 'Achevé le',
    'certificate.issued': 'Délivré le',
    'certificate.scanToVerify': 'Scanner pour vérifier',
    'certificate.number': 'Certificat n°',
    'certificate.verifyAt': 'Vérifier sur',
    'certificate.verifyThisAt': 'Vérifiez ce certificat sur {site}',
    'certificate.issuedBySayPro': 'Délivré par SayPro',
    'certificate.alt.sayProLogo': 'Logo de SayPro',
    'certificate.alt.courseLogo': 'Logo du prestataire de la formation. Délivré par SayPro.',
    'certificate.alt.signature': 'Signature de {name}',
    'certificate.alt.qrCode': 'Code QR menant à la page de vérification {url}',
    'certificate.meta.title': 'Certificat de réussite : {course}',
    'certificate.meta.subject': '{holder} a suivi {course} (certificat {number})',
    'certificate.meta.keyword': 'certificat',

    'email.dear': 'Bonjour {name},',
    'email.labelled': '{label} : {value}',
    'email.buttonFallback':
      'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur : {url}',
    'email.footer':
      'SayPro Certificates · Vous recevez ce message parce que vous avez participé à une formation SayPro.',
    'email.links.pageText': 'Votre page (progression, certificats, téléchargements) : {url}',
    'email.links.helpText': 'Fonctionnement des certificats : {help} · Questions : {faq}',
    'email.links.privacyText': 'Comment nous traitons vos données personnelles : {url}',
    'email.links.page': 'Votre page',
    'email.links.pageSentence':
      '{page} : votre progression, vos certificats et de nouveaux liens de téléchargement, à tout moment.',
    'email.links.help': 'Fonctionnement des certificats',
    'email.links.faq': 'Questions et réponses',
    'email.links.privacy': 'Comment nous traitons vos données personnelles',
    'email.kindRegards': 'Cordialement,',
    'email.days': '{count, plural, one {# jour} other {# jours}}',
    'email.fact.certificateNumber': 'Numéro du certificat',
    'email.fact.validUntil': 'Valable jusqu’au',
    'email.fact.reason': 'Motif',
    'email.verificationPage': 'Page de vérification : {url}',

    'email.issued.subject': 'Votre certificat SayPro : {course}',
    'email.issued.subjectResent': 'Votre certificat SayPro (nouvel envoi) : {course}',
    'email.issued.heading': 'Votre certificat est prêt',
    'email.issued.preheader': 'Téléchargez votre certificat pour {course}.',
    'email.issued.opening': 'Félicitations, vous avez terminé {course}. Votre certificat est prêt.',
    'email.issued.openingHtml':
      'Félicitations, vous avez terminé {course}. Votre certificat est prêt à être téléchargé en PDF :',
    'email.issued.openingResent':
      'Comme demandé, voici un nouveau lien vers votre certificat pour {course}. Les liens de téléchargement précédents ne fonctionnent plus.',
    'email.issued.downloadText': 'Téléchargez votre certificat (PDF) : {url}',
    'email.issued.downloadButton': 'Télécharger votre certificat',
    'email.issued.linkWorksUntil':
      'Ce lien fonctionne jusqu’au {date} ; votre page en donne un nouveau à tout moment. Conservez le PDF en lieu sûr ; vous pouvez le partager avec qui vous voulez.',
    'email.issued.howOthersCheck': 'Comment d’autres peuvent le vérifier',
    'email.issued.othersCheck':
      'Les employeurs et toute autre personne peuvent s’assurer que votre certificat est authentique en scannant son code QR, en ouvrant {url} et en comparant les informations, ou en saisissant le numéro du certificat sur le site de vérification.',
    'email.issued.linkedIn': 'Ajoutez-le à votre profil LinkedIn',
    'email.issued.somethingWrong': 'Une erreur ?',
    'email.issued.correction':
      'Si votre nom ou une autre information du certificat est erroné, répondez à cet e-mail ou écrivez à {support} en indiquant le numéro du certificat. Nous délivrerons un certificat corrigé ; l’ancien numéro apparaîtra alors comme remplacé.',
    'email.survey.heading': 'Comment cela s’est-il passé ?',
    'email.survey.text':
      'Deux minutes, quatre questions : dites-nous comment s’est passée l’obtention de votre certificat et si quelque chose y est erroné. Vous avez accepté de recevoir des enquêtes ; vous pouvez changer ce choix sur votre page.',
    'email.survey.button': 'Répondre à l’enquête',

    'email.notEligible.subject': 'Votre certificat SayPro pour {course} : encore quelques étapes',
    'email.notEligible.heading': 'Encore quelques étapes',
    'email.notEligible.preheader':
      '{count, plural, one {Encore # étape} other {Encore # étapes}} avant la délivrance de votre certificat.',
    'email.notEligible.intro':
      'Votre travail pour {course} a été approuvé, mais le certificat ne peut pas encore être délivré. Il reste à faire :',
    'email.notEligible.missingFallback': 'Une exigence de la formation n’est pas encore remplie.',
    'email.notEligible.closing':
      'Une fois ces étapes accomplies, votre certificat est délivré automatiquement ; inutile de le redemander. Si vous pensez qu’il s’agit d’une erreur, répondez à cet e-mail ou écrivez à {support}.',

    'email.pageLink.subject': 'Votre lien vers vos certificats SayPro',
    'email.pageLink.heading': 'Votre lien personnel',
    'email.pageLink.preheader': 'Un nouveau lien vers votre page.',
    'email.pageLink.intro':
      'Vous (ou quelqu’un connaissant votre adresse) avez demandé un nouveau lien vers votre page personnelle. Si ce n’était pas vous, ignorez cet e-mail : le lien ne montre que votre progression et vos certificats.',

    'email.surveyReminder.subject': 'Comment s’est passé votre certificat SayPro pour {course} ?',
    'email.surveyReminder.heading': 'Deux minutes pour votre avis ?',
    'email.surveyReminder.preheader': 'Quatre questions courtes sur votre certificat.',
    'email.surveyReminder.body':
      'Il y a une semaine, vous avez reçu votre certificat pour {course} (numéro {number}). Dites-nous comment s’est passée son obtention et si quelque chose y est erroné : quatre questions courtes, et de la place pour tout le reste.',
    'email.surveyReminder.onlyReminder':
      'C’est le seul rappel que nous envoyons à ce sujet. Vous avez accepté les enquêtes et rappels ; vous pouvez retirer cet accord sur votre page à tout moment.',

    'email.enrolled.subject': 'Bienvenue dans {course} : comment obtenir votre certificat SayPro',
    'email.enrolled.heading': 'Bienvenue dans votre formation',
    'email.enrolled.preheader':
      'Ce qui donne droit au certificat de {course}, et où suivre votre progression.',
    'email.enrolled.intro': 'Vous êtes inscrit·e à {course}.',
    'email.enrolled.whatEarns': 'Ce qui donne droit au certificat',
    'email.enrolled.requirementFallback': 'L’approbation de votre travail par l’équipe de la formation.',
    'email.enrolled.howIssued':
      'Une fois ces éléments enregistrés et votre travail approuvé, votre certificat est délivré et vous est envoyé automatiquement, en général en quelques minutes et au plus tard {days} après l’approbation.',
    'email.enrolled.validity':
      'Il est valable {days} à compter de sa délivrance ; nous vous prévenons avant son expiration.',
    'email.enrolled.button': 'Suivre votre progression',
    'email.enrolled.ticks':
      'Votre page coche chaque exigence dès qu’elle est enregistrée. Si quelque chose vous semble erroné, répondez à cet e-mail ou écrivez à {support}.',

    'email.corrected.subject': 'Votre certificat SayPro corrigé : {course}',
    'email.corrected.heading': 'Votre certificat corrigé',
    'email.corrected.preheader': 'Un certificat corrigé remplace le {number}.',
    'email.corrected.body':
      'Nous avons corrigé votre certificat pour {course}. Le certificat corrigé remplace le numéro {number}, qui apparaît désormais comme remplacé aux personnes qui le vérifient et renvoie vers le nouveau.',
    'email.corrected.reason': 'Motif de la correction',
    'email.corrected.reasonFallback': 'une information du certificat était erronée',
    'email.corrected.newNumber': 'Nouveau numéro de certificat',
    'email.corrected.button': 'Télécharger le certificat corrigé',
    'email.corrected.linkWorksUntil':
      'Ce lien fonctionne jusqu’au {date} ; votre page en donne un nouveau à tout moment. Partagez désormais le certificat corrigé ; toute personne qui vérifie l’ancien numéro est renvoyée vers lui.',

    'email.revoked.subject': 'Votre certificat SayPro {number} a été révoqué',
    'email.revoked.heading': 'Votre certificat a été révoqué',
    'email.revoked.preheader': 'Le certificat {number} pour {course} n’est plus valable.',
    'email.revoked.body':
      'Votre certificat pour {course} (numéro {number}) a été révoqué le {date}. Toute personne qui le vérifie désormais apprend qu’il est révoqué.',
    'email.revoked.mistake':
      'Si vous pensez qu’il s’agit d’une erreur, répondez à cet e-mail ou écrivez à {support} en indiquant le numéro du certificat.',

    'email.expiry.subjectToday': 'Votre certificat SayPro pour {course} expire aujourd’hui',
    'email.expiry.subjectSoon': 'Votre certificat SayPro pour {course} expire le {date}',
    'email.expiry.headingToday': 'Votre certificat expire aujourd’hui',
    'email.expiry.headingSoon': 'Votre certificat expire bientôt',
    'email.expiry.preheader': 'Le certificat {number} est valable jusqu’au {date}.',
    'email.expiry.bodyToday':
      'Votre certificat pour {course} (numéro {number}) arrive à expiration aujourd’hui, le {date}. Dès lors, il apparaît comme expiré aux personnes qui le vérifient.',
    'email.expiry.bodySoon':
      'Votre certificat pour {course} (numéro {number}) est valable jusqu’au {date}. Ensuite, il apparaît comme expiré aux personnes qui le vérifient.',
    'email.expiry.howToRenew': 'Comment le renouveler',
    'email.expiry.renewing':
      'Renouveler signifie remplir à nouveau les exigences de la formation ; un nouveau certificat est alors délivré et vous est envoyé automatiquement, avec une nouvelle date d’expiration.',
    'email.expiry.button': 'Comment renouveler',
    'email.expiry.questions': 'Des questions ? Répondez à cet e-mail ou écrivez à {support}.',

    'email.consent.subject': 'Votre certificat SayPro pour {course} est prêt : un choix à faire',
    'email.consent.heading': 'Votre certificat est prêt à être délivré',
    'email.consent.preheader': 'Nous avons besoin de votre accord pour y imprimer votre nom.',
    'email.consent.body':
      'Vous remplissez toutes les exigences de {course} et votre travail est approuvé. Avant de délivrer votre certificat, nous avons besoin de votre accord pour y imprimer votre nom :',
    'email.consent.button': 'Donner ou refuser votre accord',
    'email.consent.after':
      'Dès que vous donnez votre accord sur votre page, le certificat est délivré et vous est envoyé en quelques minutes ; rien d’autre n’est nécessaire. Votre page vous permet aussi de choisir si les personnes qui vérifient voient votre nom, et si nous pouvons vous envoyer des enquêtes et des rappels. Vous pouvez changer ces choix plus tard.',

    'page.help': 'Fonctionnement des certificats',
    'page.faq': 'Questions et réponses',
    'page.verify': 'Vérifier un certificat',
    'page.privacy': 'Confidentialité',
    'page.language': 'Langue',

    'verify.title': 'Vérifier un certificat SayPro',
    'verify.header': 'Vérification de certificat',
    'verify.verdict.valid': 'Authentique et valable',
    'verify.verdict.revoked': 'Révoqué',
    'verify.verdict.superseded': 'Remplacé par un certificat corrigé',
    'verify.verdict.expired': 'Authentique, mais expiré',
    'verify.verdict.notGenuine': 'Non authentique : la signature n’est pas valide',
    'verify.verdict.notVerified': 'Non vérifié',
    'verify.row.number': 'Numéro du certificat',
    'verify.row.issuedBy': 'Délivré par',
    'verify.row.course': 'Formation',
    'verify.row.holder': 'Titulaire',
    'verify.row.completed': 'Achevé le',
    'verify.row.issued': 'Délivré le',
    'verify.row.validUntil': 'Valable jusqu’au',
    'verify.row.revokedOn': 'Révoqué le',
    'verify.row.reason': 'Motif',
    'verify.row.currentVersion': 'Version actuelle',
    'verify.row.signature': 'Signature',
    'verify.holderWithdrawn': 'Informations sur le titulaire retirées à sa demande ({date})',
    'verify.holderHidden': 'Non affiché (le titulaire n’a pas accepté d’afficher son nom)',
    'verify.signature.valid': 'Vérifiée avec la clé de signature de SayPro',
    'verify.signature.compromised': 'Non valide : la clé qui l’a signé a été retirée',
    'verify.signature.invalid': 'Non valide',
    'verify.currentVersionIs': 'La version actuelle est {link}.',
    'verify.corrects': 'Ce certificat corrige {link}.',
    'verify.prompt': 'Saisissez le numéro imprimé sur le certificat, ou scannez son code QR.',
    'verify.numberLabel': 'Numéro du certificat',
    'verify.placeholder': 'p. ex. {example}',
    'verify.check': 'Vérifier',
    'verify.orFile': 'Ou vérifiez un fichier',
    'verify.fileLabel': 'Le PDF d’un certificat, ou son attestation signée (.jwt)',
    'verify.checkFile': 'Vérifier le fichier',
    'verify.offline':
      'Chacun peut aussi vérifier un certificat hors ligne avec la clé publique publiée par SayPro.',

    'me.title': 'Vos certificats SayPro',
    'me.header': 'Vos certificats',
    'me.hello': 'Bonjour {name}',
    'me.intro':
      'Cette page est la vôtre : gardez son lien pour vous. Elle montre votre progression et vos certificats.',
    'me.certificates': 'Certificats',
    'me.noCertificate': 'Pas encore de certificat.',
    'me.status.valid': 'Valable',
    'me.status.revoked': 'Révoqué',
    'me.status.superseded': 'Remplacé par un certificat corrigé',
    'me.row.number': 'Numéro',
    'me.row.status': 'Statut',
    'me.row.issued': 'Délivré le',
    'me.row.validUntil': 'Valable jusqu’au',
    'me.row.reason': 'Motif',
    'me.row.currentVersion': 'Version actuelle',
    'me.download': 'Télécharger le PDF',
    'me.feedback': 'Donner votre avis',
    'me.saveCredential': 'Enregistrer l’attestation signée',
    'me.linkedIn': 'Ajouter au profil LinkedIn',
    'me.verificationPage': 'Sa page de vérification publique',
    'me.holderProof':
      'Pour prouver que l’attestation signée est la vôtre, donnez à la personne qui vérifie votre adresse e-mail et ce code : {code}. Sinon, gardez-le pour vous : avec lui, quiconque connaît votre adresse peut vous relier à cette attestation.',
    'me.state.eligible':
      'Toutes les exigences sont remplies : votre certificat arrive quelques secondes après l’approbation de votre travail.',
    'me.state.notYet':
      'Une fois les éléments manquants enregistrés et votre travail approuvé, votre certificat est délivré automatiquement, quelques secondes plus tard.',
    'me.state.approved': 'Approuvé le {date}.',
    'me.state.issued': 'Votre certificat est délivré : voir ci-dessous.',
    'me.state.awaitingConsent':
      'Votre certificat est prêt à être délivré : acceptez ci-dessous que votre nom y figure, et il est délivré et envoyé en quelques minutes.',
    'me.state.notEligible':
      'Certaines exigences manquent encore : dès qu’elles sont enregistrées, votre certificat est délivré automatiquement ; inutile de le redemander.',
    'me.state.failed': 'Sa délivrance a rencontré un problème que l’équipe est en train de résoudre.',
    'me.state.failedBy':
      'Sa délivrance a rencontré un problème que l’équipe est en train de résoudre ; attendez-le au plus tard le {date}.',
    'me.state.inProgress':
      'Votre certificat est en cours de délivrance et arrive en général en quelques minutes.',
    'me.state.inProgressBy':
      'Votre certificat est en cours de délivrance et arrive en général en quelques minutes ; il est dû au plus tard le {date}.',
    'me.consent.heading': 'Vos choix concernant vos données',
    'me.consent.notAnswered': 'Pas encore de réponse.',
    'me.consent.answerYes': 'Votre réponse depuis le {date} : oui.',
    'me.consent.answerNo': 'Votre réponse depuis le {date} : non.',
    'me.consent.yes': 'Oui, j’accepte',
    'me.consent.no': 'Non',
    'me.consent.saved': 'Vos choix sont enregistrés. Vous pouvez les modifier ici à tout moment.',
    'me.consent.save': 'Enregistrer mes choix',
    'me.consent.recorded': 'Chaque réponse est enregistrée avec le texte ci-dessus et la date. Voir {link}.',
    'me.consent.privacyLink': 'comment nous traitons vos données personnelles',
    'me.language.heading': 'Langue',
    'me.language.text': 'La langue de cette page et des e-mails que nous vous envoyons.',
    'me.language.save': 'Enregistrer la langue',
    'me.language.saved': 'Enregistré : cette page et vos e-mails sont désormais en français.',
    'me.notFound.title': 'Lien non valide',
    'me.notFound.heading': 'Ce lien n’ouvre aucune page',
    'me.notFound.text': 'Il est peut-être mal saisi, expiré ou retiré. Demandez-en un nouveau :',
    'me.linkForm.label': 'Votre adresse e-mail',
    'me.linkForm.placeholder': 'vous@exemple.org',
    'me.linkForm.button': 'M’envoyer mon lien',
    'me.linkRequested.title': 'Lien demandé',
    'me.linkRequested.heading': 'Consultez votre boîte de réception',
    'me.linkRequested.text':
      'Si cette adresse est connue, un lien vers votre page est en route. Il peut mettre quelques minutes à arriver.',

    'feedback.title': 'Votre avis',
    'feedback.heading': 'Comment s’est passé votre certificat ?',
    'feedback.about':
      'À propos de votre certificat pour {course} (numéro {number}). Cela prend environ deux minutes.',
    'feedback.answeredBefore':
      'Vous avez répondu le {date}. Envoyer à nouveau le formulaire remplace ces réponses.',
    'feedback.notSaved': 'Vos réponses n’ont pas été enregistrées',
    'feedback.error': 'Erreur :',
    'feedback.field.processRating': 'Le déroulement de l’obtention du certificat',
    'feedback.field.recommendLikelihood': 'La probabilité que vous recommandiez la formation',
    'feedback.field.problems': 'Ce qui est erroné sur votre certificat',
    'feedback.field.comment': 'Autre chose',
    'feedback.processRating': 'L’obtention de votre certificat s’est-elle bien passée ? (obligatoire)',
    'feedback.processLow': 'mal',
    'feedback.processHigh': 'très bien',
    'feedback.recommend':
      'Quelle est la probabilité que vous recommandiez cette formation à un ami ou à un collègue ? (obligatoire)',
    'feedback.recommendLow': 'pas du tout probable',
    'feedback.recommendHigh': 'extrêmement probable',
    'feedback.scaleHint': '{min} = {low}, {max} = {high}',
    'feedback.problems': 'Quelque chose était-il erroné sur votre certificat ?',
    'feedback.problemsHint':
      'Cochez tout ce qui s’applique ; laissez vide si tout est juste. Nous vous contacterons pour le corriger.',
    'feedback.problem.name': 'Mon nom',
    'feedback.problem.course': 'La formation',
    'feedback.problem.date': 'Une date',
    'feedback.problem.other': 'Autre chose',
    'feedback.optional': '{question} (facultatif)',
    'feedback.courseScaleLow': 'pas du tout',
    'feedback.courseScaleHigh': 'beaucoup',
    'feedback.comment': 'Souhaitez-vous nous dire autre chose ? (facultatif)',
    'feedback.commentHint':
      '{max} caractères au plus. Merci de ne pas mentionner de données personnelles d’autres personnes.',
    'feedback.send': 'Envoyer mes réponses',
    'feedback.kept':
      'Vos réponses sont conservées avec vos autres données chez SayPro, incluses lorsque vous demandez une copie de vos données et supprimées avec elles. Voir {link}.',
    'feedback.privacyLink': 'comment nous traitons vos données personnelles',
    'feedback.thanks.title': 'Merci',
    'feedback.thanks.heading': 'Merci pour votre avis',
    'feedback.thanks.saved': 'Vos réponses sont enregistrées, à propos de votre certificat pour {course}.',
    'feedback.thanks.updated': 'Vos réponses sont mises à jour, à propos de votre certificat pour {course}.',
    'feedback.thanks.problems':
      'Vous nous avez signalé une erreur sur votre certificat : notre équipe va l’examiner et vous écrire.',
    'feedback.thanks.change': 'Vous avez changé d’avis ? {link} : elles remplacent celles-ci.',
    'feedback.thanks.changeLink': 'Modifiez vos réponses',
    'feedback.notFound.title': 'Lien non valide',
    'feedback.notFound.heading': 'Ce lien n’ouvre aucune enquête',
    'feedback.notFound.text':
      'Il est peut-être mal saisi ou expiré. Votre page personnelle, dont le lien figure dans chaque e-mail, propose un bouton d’enquête pour chaque certificat.',

    'help.title': 'Fonctionnement des certificats SayPro',
    'help.header': 'Aide',
    'help.earn.heading': 'Comment en obtenir un',
    'help.earn.text':
      'Chaque formation indique ci-dessous ce qu’elle vous demande. Lorsque l’équipe SayPro approuve votre travail et que toutes les exigences sont remplies, votre certificat est délivré automatiquement. S’il manque encore quelque chose, vous recevez un seul e-mail qui dit exactement quoi ; dès que le travail manquant est enregistré, le certificat est délivré de lui-même — inutile de le redemander.',
    'help.arrives.heading': 'Quand il arrive',
    'help.arrives.text':
      'Quelques secondes après l’approbation, une fois toutes les exigences remplies, vous recevez un e-mail avec votre certificat. Votre page personnelle (le lien présent dans chaque e-mail) montre chaque exigence avec une coche et la date à laquelle attendre le certificat.',
    'help.download.heading': 'Le télécharger',
    'help.download.text':
      'Ouvrez votre page personnelle et appuyez sur « Télécharger le PDF » : chaque appui crée un nouveau lien, si bien qu’un ancien e-mail ne vous laisse jamais sans solution. Enregistrez aussi l’attestation signée (.jwt) : elle fonctionne dans les portefeuilles numériques et prouve le certificat sans le site de SayPro.',
    'help.share.heading': 'Le vérifier et le partager',
    'help.share.text':
      'Chaque certificat a un numéro et un code QR qui ouvre sa page de vérification publique. Partagez cette page, ou utilisez « Ajouter au profil LinkedIn » sur votre page personnelle. Chacun peut vérifier un certificat sur {verify} par son numéro ou en téléversant le PDF.',
    'help.expires.heading': 'Quand il expire',
    'help.expires.text':
      'Certaines formations délivrent des certificats valables pour une durée donnée (voir la formation ci-dessous) ; la date d’expiration est imprimée sur le certificat et affichée sur votre page. Nous vous écrivons 60 jours avant et le jour même. Pour le renouveler, remplissez à nouveau les exigences de la formation (elle peut indiquer ses propres étapes de renouvellement ci-dessous) ; le nouveau certificat est alors délivré et envoyé automatiquement, avec une nouvelle date d’expiration.',
    'help.lost.heading': 'Lien perdu ?',
    'help.lost.text': 'Demandez-en un nouveau avec votre adresse e-mail :',
    'help.data.heading': 'Vos données personnelles',
    'help.data.text':
      'Ce que SayPro conserve sur vous, pourquoi, combien de temps, et comment en demander une copie, une correction ou la suppression : {policy}.',
    'help.data.policy': 'la politique de protection des données',
    'help.courses.heading': 'Les formations et leurs exigences',
    'help.courses.none': 'Aucune formation n’est encore publiée.',
    'help.requirement.module': 'Terminer le module « {title} ».',
    'help.requirement.quiz': 'Obtenir au moins {passMark} % au quiz « {title} ».',
    'help.requirement.peerReview': 'Faire évaluer votre travail par vos pairs.',
    'help.requirement.discussion':
      'Participer aux discussions de la formation (au moins {posts, plural, one {# message} other {# messages}}).',
    'help.requirement.none': 'Aucune exigence en dehors de l’approbation par l’équipe.',
    'help.validity':
      'Les certificats de cette formation sont valables {days, plural, one {# jour} other {# jours}} après leur délivrance.',
    'help.noExpiry': 'Les certificats de cette formation n’expirent pas.',
    'help.renew': 'Comment le renouveler',
    'help.deadline':
      'L’équipe le délivre au plus tard {days, plural, one {# jour} other {# jours}} après l’approbation.',

    'faq.title': 'Questions et réponses · certificats SayPro',
    'faq.heading': 'Questions et réponses',
    'faq.contact':
      'Pour toute autre question : écrivez à {support}. Comment nous traitons vos données personnelles : {policy}.',
    'faq.q1': 'J’ai perdu l’e-mail contenant mon certificat. Que faire ?',
    'faq.a1':
      'Ouvrez votre page personnelle depuis n’importe quel e-mail SayPro et téléchargez-le à nouveau, ou demandez un nouveau lien sur la page d’aide avec votre adresse e-mail. Le lien arrive en quelques minutes si l’adresse est connue.',
    'faq.q2': 'Le lien de téléchargement de mon e-mail a expiré.',
    'faq.a2':
      'Les liens de téléchargement des e-mails ne durent que quelques jours, à dessein. Votre page personnelle en crée un nouveau chaque fois que vous appuyez sur « Télécharger le PDF ».',
    'faq.q3': 'Mon nom est erroné sur le certificat.',
    'faq.a3':
      'Écrivez à l’adresse d’assistance indiquée dans votre e-mail. L’équipe délivre un certificat corrigé avec un nouveau numéro ; l’ancien apparaît alors comme remplacé, et sa page de vérification renvoie vers le nouveau.',
    'faq.q4': 'À quoi sert le code QR ?',
    'faq.a4':
      'Il ouvre la page de vérification publique du certificat, qui indique si le certificat est authentique, valable, révoqué, remplacé ou expiré.',
    'faq.q5': 'Qui peut voir mon nom ?',
    'faq.a5':
      'Seulement ce que vous avez accepté : sans votre consentement, la page de vérification montre la formation et les dates, mais pas votre nom. Votre page personnelle n’est visible que par la personne qui détient votre lien.',
    'faq.q6': 'Comment un employeur vérifie-t-il mon certificat ?',
    'faq.a6':
      'En scannant le code QR, en saisissant le numéro sur /verify, ou en y téléversant le PDF. La réponse provient des registres de SayPro et de la signature numérique du certificat.',
    'faq.q7': 'Peut-on vérifier un certificat sans le site de SayPro ?',
    'faq.a7':
      'Oui. L’attestation signée (.jwt) et la signature du PDF peuvent être vérifiées hors ligne avec la clé publique publiée par SayPro (/.well-known/jwks.json).',
    'faq.q8': 'Mon certificat apparaît comme révoqué. Pourquoi ?',
    'faq.a8':
      'L’équipe ne révoque un certificat que pour un motif indiqué, que la page de vérification affiche. Si vous pensez qu’il s’agit d’une erreur, écrivez à l’adresse d’assistance.',
    'faq.q9': 'Mon certificat expire-t-il ? Comment le renouveler ?',
    'faq.a9':
      'Certaines formations délivrent des certificats valables pour une durée donnée (voir la formation sur la page d’aide) ; la date d’expiration est imprimée sur le certificat. Renouveler signifie suivre à nouveau la formation, ce qui mène à un nouveau certificat.',
    'faq.q10': 'J’ai terminé le travail manquant. Dois-je redemander ?',
    'faq.a10':
      'Non. Dès que l’équipe enregistre votre progression, le certificat est délivré automatiquement si tout est rempli.',
    'faq.q11': 'Quelqu’un d’autre a mon lien personnel.',
    'faq.a11':
      'Demandez à l’adresse d’assistance de révoquer vos liens, puis demandez-en un nouveau. Le lien ne montre que votre progression et vos certificats ; il ne permet jamais à quiconque de les modifier.',
    'faq.q12': 'Quelles données conservez-vous et qui contacter à ce sujet ?',
    'faq.a12':
      'Votre nom, votre e-mail, votre progression et vos certificats, pour les délivrer et les vérifier. Les liens personnels ne sont conservés que sous forme d’empreinte à sens unique. La politique de protection des données (/privacy) liste tout, la durée de conservation et vos droits ; écrivez à l’adresse d’assistance pour toute demande d’accès, de correction ou de suppression.',
    'requirement.module': 'Module « {title} »',
    'requirement.quiz': 'Quiz « {title} » (note minimale {passMark} %)',
    'requirement.peerReview': 'Évaluation par les pairs',
    'requirement.discussion': 'Discussions de la formation (au moins {minimumPosts} messages)',
    'missing.module': 'Terminer le module « {title} ».',
    'missing.quizNotTaken': 'Passer le quiz « {title} » (note minimale {passMark} %).',
    'missing.quizBelowPassMark':
      'Obtenir au moins {passMark} % à « {title} » (meilleur résultat à ce jour : {score} %).',
    'missing.peerReview': 'Faire évaluer votre travail par vos pairs.',
    'missing.discussion':
      'Participer aux discussions de la formation (au moins {minimumPosts} messages ; à ce jour : {posts}).',
    'missing.noProgress': 'Aucune progression n’est encore enregistrée pour « {course} ».',
    'missing.nothingRecorded': 'Rien n’est encore enregistré.',
    'verify.problem.malformed':
      'Ce n’est pas un numéro de certificat : comparez-le au certificat et saisissez-le à nouveau.',
    'verify.problem.notFound':
      'Aucun certificat ne porte ce numéro. Comparez-le au certificat et saisissez-le à nouveau.',
    'verify.problem.file':
      'Le fichier n’a pas pu être vérifié : envoyez le PDF du certificat ou son attestation signée (.jwt).',
  },
  notes: {
    'certificate.title':
      '“Certificat de réussite” rather than “d’achèvement”: the usual wording for a completed training course.',
    'certificate.hasCompleted':
      '“Formation” for course throughout (not “cours”, which reads as a single lesson).',
    'email.enrolled.intro': 'Inclusive “inscrit·e”: the participant’s gender is not known.',
    'verify.fileLabel':
      '“Attestation signée” for the signed credential (VC-JWT); “identifiant vérifiable” is the W3C term.',
  },
};
