/**
 * English: the reference catalogue every other locale must match key for key. South African English
 * spelling; the wording is what the templates printed before they were localised.
 */
export const enMessages = {
  // The certificate (templates/certificate/*).
  'certificate.title': 'Certificate of Completion',
  'certificate.titleWord': 'Certificate',
  'certificate.titleRest': 'of completion',
  'certificate.certifyThat': 'This is to certify that',
  'certificate.hasCompleted': 'has successfully completed the course',
  'certificate.awardedTo': 'Awarded to',
  'certificate.forCompleting': 'for successfully completing',
  'certificate.dateOfCompletion': 'Date of completion',
  'certificate.dateOfIssue': 'Date of issue',
  'certificate.validUntil': 'Valid until',
  'certificate.completed': 'Completed',
  'certificate.issued': 'Issued',
  'certificate.scanToVerify': 'Scan to verify',
  'certificate.number': 'Certificate No.',
  'certificate.verifyAt': 'Verify at',
  'certificate.verifyThisAt': 'Verify this certificate at {site}',
  'certificate.issuedBySayPro': 'Issued by SayPro',
  'certificate.alt.sayProLogo': 'SayPro logo',
  'certificate.alt.courseLogo': 'Logo of the course provider. Issued by SayPro.',
  'certificate.alt.signature': 'Signature of {name}',
  'certificate.alt.qrCode': 'QR code linking to the verification page {url}',
  'certificate.meta.title': 'Certificate of Completion: {course}',
  'certificate.meta.subject': '{holder} completed {course} (certificate {number})',
  'certificate.meta.keyword': 'certificate',

  // Shared by every participant email (templates/email/*).
  'email.dear': 'Dear {name},',
  'email.labelled': '{label}: {value}',
  'email.buttonFallback': 'If the button does not work, copy this address into your browser: {url}',
  'email.footer': 'SayPro Certificates · This message was sent because you took part in a SayPro course.',
  'email.links.pageText': 'Your page (progress, certificates, downloads): {url}',
  'email.links.helpText': 'How certificates work: {help} · Questions: {faq}',
  'email.links.privacyText': 'How we handle your personal data: {url}',
  'email.links.page': 'Your page',
  'email.links.pageSentence':
    '{page}: your progress, your certificates and fresh download links, at any time.',
  'email.links.help': 'How certificates work',
  'email.links.faq': 'Questions and answers',
  'email.links.privacy': 'How we handle your personal data',
  'email.kindRegards': 'Kind regards,',
  'email.days': '{count, plural, one {# day} other {# days}}',
  'email.fact.certificateNumber': 'Certificate number',
  'email.fact.validUntil': 'Valid until',
  'email.fact.reason': 'Reason',
  'email.verificationPage': 'Verification page: {url}',

  'email.issued.subject': 'Your SayPro certificate: {course}',
  'email.issued.subjectResent': 'Your SayPro certificate (sent again): {course}',
  'email.issued.heading': 'Your certificate is ready',
  'email.issued.preheader': 'Download your certificate for {course}.',
  'email.issued.opening': 'Congratulations on completing {course}. Your certificate is ready.',
  'email.issued.openingHtml':
    'Congratulations on completing {course}. Your certificate is ready to download as a PDF:',
  'email.issued.openingResent':
    'As asked, here is a fresh link to your certificate for {course}. Earlier download links no longer work.',
  'email.issued.downloadText': 'Download your certificate (PDF): {url}',
  'email.issued.downloadButton': 'Download your certificate',
  'email.issued.linkWorksUntil':
    'This link works until {date}; your page gives a fresh one at any time. Save the PDF somewhere safe; you can share it with anyone.',
  'email.issued.howOthersCheck': 'How others can check it',
  'email.issued.othersCheck':
    'Employers and others can confirm your certificate is genuine by scanning the QR code on it, or by opening {url} and comparing the details, or by entering the certificate number on the verification site.',
  'email.issued.linkedIn': 'Add it to your LinkedIn profile',
  'email.issued.somethingWrong': 'Something wrong?',
  'email.issued.correction':
    'If your name or any other detail on the certificate is wrong, reply to this email or write to {support} with the certificate number. We will issue a corrected certificate; the old number will then show as replaced.',
  'email.survey.heading': 'How did it go?',
  'email.survey.text':
    'Two minutes, four questions: tell us how getting your certificate went, and whether anything on it is wrong. You agreed to surveys; you can change that on your page.',
  'email.survey.button': 'Answer the survey',

  'email.notEligible.subject': 'Your SayPro certificate for {course}: a few steps left',
  'email.notEligible.heading': 'A few steps left',
  'email.notEligible.preheader':
    '{count, plural, one {# step} other {# steps}} left before your certificate is issued.',
  'email.notEligible.intro':
    'Your work for {course} has been approved, but the certificate cannot be issued yet. Still to do:',
  'email.notEligible.missingFallback': 'A requirement of the course is not complete yet.',
  'email.notEligible.closing':
    'Once these are done, your certificate is issued automatically; you do not need to ask again. If you think this is a mistake, reply to this email or write to {support}.',

  'email.pageLink.subject': 'Your link to your SayPro certificates',
  'email.pageLink.heading': 'Your personal link',
  'email.pageLink.preheader': 'A new link to your page.',
  'email.pageLink.intro':
    'You (or someone with your address) asked for a new link to your personal page. If it was not you, ignore this email: the link only shows your progress and certificates.',

  'email.surveyReminder.subject': 'How did your SayPro certificate for {course} go?',
  'email.surveyReminder.heading': 'Two minutes for your feedback?',
  'email.surveyReminder.preheader': 'Four short questions about your certificate.',
  'email.surveyReminder.body':
    'A week ago you received your certificate for {course} (number {number}). Tell us how getting it went, and whether anything on it is wrong: four short questions, and space for anything else.',
  'email.surveyReminder.onlyReminder':
    'This is the only reminder we send about it. You agreed to surveys and reminders; you can withdraw that on your page at any time.',

  'email.enrolled.subject': 'Welcome to {course}: how to earn your SayPro certificate',
  'email.enrolled.heading': 'Welcome to your course',
  'email.enrolled.preheader': 'What earns the certificate for {course}, and where to follow your progress.',
  'email.enrolled.intro': 'You are enrolled in {course}.',
  'email.enrolled.whatEarns': 'What earns the certificate',
  'email.enrolled.requirementFallback': 'Staff approval of your work in the course.',
  'email.enrolled.howIssued':
    'Once these are recorded and staff approve your work, your certificate is issued and emailed to you automatically, usually within minutes and at the latest {days} after approval.',
  'email.enrolled.validity': 'It is valid for {days} from issue; we remind you before it expires.',
  'email.enrolled.button': 'Follow your progress',
  'email.enrolled.ticks':
    'Your page ticks off each requirement as it is recorded. If something there looks wrong, reply to this email or write to {support}.',

  'email.corrected.subject': 'Your corrected SayPro certificate: {course}',
  'email.corrected.heading': 'Your corrected certificate',
  'email.corrected.preheader': 'A corrected certificate replaces {number}.',
  'email.corrected.body':
    'We have corrected your certificate for {course}. The corrected certificate replaces number {number}, which now shows to verifiers as replaced and points to the new one.',
  'email.corrected.reason': 'Reason for the correction',
  'email.corrected.reasonFallback': 'a detail on the certificate was wrong',
  'email.corrected.newNumber': 'New certificate number',
  'email.corrected.button': 'Download the corrected certificate',
  'email.corrected.linkWorksUntil':
    'This link works until {date}; your page gives a fresh one at any time. Please share the corrected certificate from now on; anyone checking the old number is sent to it.',

  'email.revoked.subject': 'Your SayPro certificate {number} has been revoked',
  'email.revoked.heading': 'Your certificate has been revoked',
  'email.revoked.preheader': 'Certificate {number} for {course} is no longer valid.',
  'email.revoked.body':
    'Your certificate for {course} (number {number}) was revoked on {date}. Anyone who checks it from now on is told it is revoked.',
  'email.revoked.mistake':
    'If you believe this is a mistake, reply to this email or write to {support} with the certificate number.',

  'email.expiry.subjectToday': 'Your SayPro certificate for {course} expires today',
  'email.expiry.subjectSoon': 'Your SayPro certificate for {course} expires on {date}',
  'email.expiry.headingToday': 'Your certificate expires today',
  'email.expiry.headingSoon': 'Your certificate expires soon',
  'email.expiry.preheader': 'Certificate {number} is valid until {date}.',
  'email.expiry.bodyToday':
    'Your certificate for {course} (number {number}) reaches its expiry date today, {date}. From then on, verifiers see it as expired.',
  'email.expiry.bodySoon':
    'Your certificate for {course} (number {number}) is valid until {date}. After that, verifiers see it as expired.',
  'email.expiry.howToRenew': 'How to renew it',
  'email.expiry.renewing':
    'Renewing means meeting the course requirements again; a new certificate is then issued and emailed to you automatically, with a new expiry date.',
  'email.expiry.button': 'How to renew',
  'email.expiry.questions': 'Questions? Reply to this email or write to {support}.',

  'email.consent.subject': 'Your SayPro certificate for {course} is ready: one choice needed',
  'email.consent.heading': 'Your certificate is ready to issue',
  'email.consent.preheader': 'We need your agreement to print your name on it.',
  'email.consent.body':
    'You have met everything {course} asks for, and your work is approved. Before we issue your certificate we need your agreement to print your name on it:',
  'email.consent.button': 'Give or refuse your agreement',
  'email.consent.after':
    'Once you agree on your page, the certificate is issued and emailed to you within minutes; nothing else is needed. Your page also lets you choose whether verifiers see your name, and whether we may send you surveys and reminders. You can change any of these later.',

  // Shared by the public pages (templates/web/*).
  'page.help': 'How certificates work',
  'page.faq': 'Questions and answers',
  'page.verify': 'Verify a certificate',
  'page.privacy': 'Privacy',
  'page.language': 'Language',

  // The verification page.
  'verify.title': 'Verify a SayPro certificate',
  'verify.header': 'Certificate verification',
  'verify.verdict.valid': 'Genuine and valid',
  'verify.verdict.revoked': 'Revoked',
  'verify.verdict.superseded': 'Replaced by a corrected certificate',
  'verify.verdict.expired': 'Genuine, but expired',
  'verify.verdict.notGenuine': 'Not genuine: the signature does not verify',
  'verify.verdict.notVerified': 'Not verified',
  'verify.row.number': 'Certificate number',
  'verify.row.issuedBy': 'Issued by',
  'verify.row.course': 'Course',
  'verify.row.holder': 'Holder',
  'verify.row.completed': 'Completed',
  'verify.row.issued': 'Issued',
  'verify.row.validUntil': 'Valid until',
  'verify.row.revokedOn': 'Revoked on',
  'verify.row.reason': 'Reason',
  'verify.row.currentVersion': 'Current version',
  'verify.row.signature': 'Signature',
  'verify.holderWithdrawn': 'Holder details withdrawn at the holder’s request ({date})',
  'verify.holderHidden': 'Not shown (the holder has not agreed to show their name)',
  'verify.signature.valid': 'Verified with SayPro’s signing key',
  'verify.signature.compromised': 'Does not verify: the key that signed it was withdrawn',
  'verify.signature.invalid': 'Does not verify',
  'verify.currentVersionIs': 'The current version is {link}.',
  'verify.corrects': 'This certificate corrects {link}.',
  'verify.prompt': 'Type the number printed on the certificate, or scan its QR code.',
  'verify.numberLabel': 'Certificate number',
  'verify.placeholder': 'e.g. {example}',
  'verify.check': 'Check',
  'verify.orFile': 'Or check a file',
  'verify.fileLabel': 'A certificate PDF, or its signed credential (.jwt)',
  'verify.checkFile': 'Check file',
  'verify.offline': 'Anyone can also check a certificate offline with SayPro’s published public key.',

  // The participant's page (/me).
  'me.title': 'Your SayPro certificates',
  'me.header': 'Your certificates',
  'me.hello': 'Hello, {name}',
  'me.intro': 'This page is yours: keep its link private. It shows your progress and your certificates.',
  'me.certificates': 'Certificates',
  'me.noCertificate': 'No certificate yet.',
  'me.status.valid': 'Valid',
  'me.status.revoked': 'Revoked',
  'me.status.superseded': 'Replaced by a corrected certificate',
  'me.row.number': 'Number',
  'me.row.status': 'Status',
  'me.row.issued': 'Issued',
  'me.row.validUntil': 'Valid until',
  'me.row.reason': 'Reason',
  'me.row.currentVersion': 'Current version',
  'me.download': 'Download PDF',
  'me.feedback': 'Give feedback',
  'me.saveCredential': 'Save signed credential',
  'me.linkedIn': 'Add to LinkedIn profile',
  'me.verificationPage': 'Its public verification page',
  'me.holderProof':
    'To prove the signed credential is yours, give the verifier your email address and this code: {code}. Keep it private otherwise: with it, anyone who knows your address can link this credential to you.',
  'me.state.eligible':
    'Every requirement is met: your certificate arrives a few seconds after staff approve your work.',
  'me.state.notYet':
    'Once the missing items are recorded and staff have approved your work, your certificate is issued automatically, a few seconds later.',
  'me.state.approved': 'Approved on {date}.',
  'me.state.issued': 'Your certificate is issued: see below.',
  'me.state.awaitingConsent':
    'Your certificate is ready to issue: agree below to your name on it, and it is issued and emailed within minutes.',
  'me.state.notEligible':
    'Some requirements are still missing: once they are recorded, your certificate is issued automatically; you do not need to ask again.',
  'me.state.failed': 'Issuing it hit a problem that staff are fixing; expect it.',
  'me.state.failedBy': 'Issuing it hit a problem that staff are fixing; expect it by {date} at the latest.',
  'me.state.inProgress': 'Your certificate is being issued and usually arrives within minutes.',
  'me.state.inProgressBy':
    'Your certificate is being issued and usually arrives within minutes; it is due by {date} at the latest.',
  'me.consent.heading': 'Your choices about your data',
  'me.consent.notAnswered': 'Not answered yet.',
  'me.consent.answerYes': 'Your answer since {date}: yes.',
  'me.consent.answerNo': 'Your answer since {date}: no.',
  'me.consent.yes': 'Yes, I agree',
  'me.consent.no': 'No',
  'me.consent.saved': 'Your choices are saved. You can change them here at any time.',
  'me.consent.save': 'Save my choices',
  'me.consent.recorded': 'Each answer is recorded with the wording above and the date. See {link}.',
  'me.consent.privacyLink': 'how we handle your personal data',
  'me.language.heading': 'Language',
  'me.language.text': 'The language of this page and of the emails we send you.',
  'me.language.save': 'Save language',
  'me.language.saved': 'Saved: this page and your emails are now in English.',
  'me.notFound.title': 'Link not valid',
  'me.notFound.heading': 'This link does not open a page',
  'me.notFound.text': 'It may be mistyped, expired or withdrawn. Ask for a new one:',
  'me.linkForm.label': 'Your email address',
  'me.linkForm.placeholder': 'you@example.org',
  'me.linkForm.button': 'Email me my link',
  'me.linkRequested.title': 'Link requested',
  'me.linkRequested.heading': 'Check your inbox',
  'me.linkRequested.text':
    'If this address is known, a link to your page is on its way. It can take a few minutes to arrive.',

  // The feedback survey (/feedback/{token}).
  'feedback.title': 'Your feedback',
  'feedback.heading': 'How did your certificate go?',
  'feedback.about': 'About your certificate for {course} (number {number}). It takes about two minutes.',
  'feedback.answeredBefore': 'You answered on {date}. Sending the form again replaces those answers.',
  'feedback.notSaved': 'Your answers were not saved',
  'feedback.error': 'Error:',
  'feedback.field.processRating': 'How getting your certificate went',
  'feedback.field.recommendLikelihood': 'How likely you are to recommend the course',
  'feedback.field.problems': 'What is wrong on your certificate',
  'feedback.field.comment': 'Anything else',
  'feedback.processRating': 'How well did getting your certificate go? (required)',
  'feedback.processLow': 'poorly',
  'feedback.processHigh': 'very well',
  'feedback.recommend': 'How likely are you to recommend this course to a friend or colleague? (required)',
  'feedback.recommendLow': 'not at all likely',
  'feedback.recommendHigh': 'extremely likely',
  'feedback.scaleHint': '{min} = {low}, {max} = {high}',
  'feedback.problems': 'Was anything wrong on your certificate?',
  'feedback.problemsHint':
    'Tick all that apply; leave empty if all is right. We will be in touch to correct it.',
  'feedback.problem.name': 'My name',
  'feedback.problem.course': 'The course',
  'feedback.problem.date': 'A date',
  'feedback.problem.other': 'Something else',
  'feedback.optional': '{question} (optional)',
  'feedback.courseScaleLow': 'not at all',
  'feedback.courseScaleHigh': 'very much',
  'feedback.comment': 'Anything else you want to tell us? (optional)',
  'feedback.commentHint': 'At most {max} characters. Please leave out other people’s personal details.',
  'feedback.send': 'Send my answers',
  'feedback.kept':
    'Your answers are kept with your other data at SayPro, included when you ask for a copy of your data and deleted with it. See {link}.',
  'feedback.privacyLink': 'how we handle your personal data',
  'feedback.thanks.title': 'Thank you',
  'feedback.thanks.heading': 'Thank you for your feedback',
  'feedback.thanks.saved': 'Your answers are saved, about your certificate for {course}.',
  'feedback.thanks.updated': 'Your answers are updated, about your certificate for {course}.',
  'feedback.thanks.problems':
    'You told us something on your certificate is wrong: our team will look at it and write to you.',
  'feedback.thanks.change': 'Changed your mind? {link}: they replace these.',
  'feedback.thanks.changeLink': 'Change your answers',
  'feedback.notFound.title': 'Link not valid',
  'feedback.notFound.heading': 'This survey link does not open a survey',
  'feedback.notFound.text':
    'It may be mistyped or expired. Your personal page, linked in every email we send, has a survey button for each certificate.',

  'help.title': 'How SayPro certificates work',
  'help.header': 'Help',
  'help.earn.heading': 'How you earn one',
  'help.earn.text':
    'Each course lists what it asks of you below. When SayPro staff approve your completion and every requirement is met, your certificate is issued automatically. If something is still missing, you get one email saying exactly what; as soon as the missing work is recorded, the certificate is issued by itself — you do not need to ask again.',
  'help.arrives.heading': 'When it arrives',
  'help.arrives.text':
    'A few seconds after approval, once all requirements are met, you receive an email with your certificate. Your personal page (the link in every email) shows each requirement with a tick and the date to expect the certificate.',
  'help.download.heading': 'Download it',
  'help.download.text':
    'Open your personal page and press “Download PDF”: each press makes a fresh link, so an old email never leaves you stranded. Save the signed credential (.jwt) too: it works in digital wallets and proves the certificate without SayPro’s website.',
  'help.share.heading': 'Verify and share it',
  'help.share.text':
    'Every certificate has a number and a QR code that opens its public verification page. Share that page, or use “Add to LinkedIn profile” on your personal page. Anyone can check a certificate at {verify} by its number or by uploading the PDF.',
  'help.expires.heading': 'When it expires',
  'help.expires.text':
    'Some courses issue certificates valid for a set time (see the course below); the expiry date is printed on the certificate and shown on your page. We email you 60 days before and on the day. To renew, meet the course requirements again (the course may link its own renewal steps below); the new certificate is then issued and emailed automatically, with a new expiry date.',
  'help.lost.heading': 'Lost your link?',
  'help.lost.text': 'Ask for a new one with your email address:',
  'help.data.heading': 'Your personal data',
  'help.data.text':
    'What SayPro keeps about you, why, for how long, and how to ask for a copy, a correction or its removal: {policy}.',
  'help.data.policy': 'the data protection policy',
  'help.courses.heading': 'Courses and what they ask',
  'help.courses.none': 'No courses are published yet.',
  'help.requirement.module': 'Complete the module “{title}”.',
  'help.requirement.quiz': 'Score at least {passMark}% in the quiz “{title}”.',
  'help.requirement.peerReview': 'Have your work peer reviewed.',
  'help.requirement.discussion':
    'Take part in the course discussions (at least {posts, plural, one {# post} other {# posts}}).',
  'help.requirement.none': 'No requirements beyond staff approval.',
  'help.validity':
    'Certificates of this course are valid for {days, plural, one {# day} other {# days}} after issue.',
  'help.noExpiry': 'Certificates of this course do not expire.',
  'help.renew': 'How to renew it',
  'help.deadline':
    'Staff issue it within {days, plural, one {# day} other {# days}} of approval at the latest.',

  'faq.title': 'Questions and answers · SayPro certificates',
  'faq.heading': 'Questions and answers',
  'faq.contact': 'Anything else: write to {support}. How we handle your personal data: {policy}.',
  'faq.q1': 'I lost the email with my certificate. What now?',
  'faq.a1':
    'Open your personal page from any SayPro email and download it again, or ask for a new link on the help page with your email address. The link arrives within minutes if the address is known.',
  'faq.q2': 'The download link in my email has expired.',
  'faq.a2':
    'Download links in emails last a few days on purpose. Your personal page makes a fresh one each time you press “Download PDF”.',
  'faq.q3': 'My name is wrong on the certificate.',
  'faq.a3':
    'Write to the support address in your email. Staff issue a corrected certificate with a new number; the old one then shows as replaced, and its verification page points to the new one.',
  'faq.q4': 'What does the QR code do?',
  'faq.a4':
    'It opens the certificate’s public verification page, which says whether the certificate is genuine, valid, revoked, replaced or expired.',
  'faq.q5': 'Who can see my name?',
  'faq.a5':
    'Only what you agreed to: without your consent the verification page shows the course and dates but not your name. Your personal page is visible only to whoever holds your link.',
  'faq.q6': 'How does an employer check my certificate?',
  'faq.a6':
    'By scanning the QR code, typing the number at /verify, or uploading the PDF there. The answer comes from SayPro’s records and the certificate’s digital signature.',
  'faq.q7': 'Can a certificate be checked without SayPro’s website?',
  'faq.a7':
    'Yes. The signed credential (.jwt) and the PDF’s signature can be verified offline with SayPro’s published public key (/.well-known/jwks.json).',
  'faq.q8': 'My certificate shows as revoked. Why?',
  'faq.a8':
    'Staff revoke a certificate only for a stated reason, which the verification page shows. If you think it is a mistake, write to the support address.',
  'faq.q9': 'Does my certificate expire? How do I renew it?',
  'faq.a9':
    'Some courses issue certificates valid for a set time (see the course above); the expiry date is printed on the certificate. Renewing means completing the course again, which leads to a new certificate.',
  'faq.q10': 'I finished the missing work. Do I need to ask again?',
  'faq.a10':
    'No. As soon as staff record your progress, the certificate is issued automatically if everything is met.',
  'faq.q11': 'Someone else has my personal link.',
  'faq.a11':
    'Ask the support address to revoke your links; request a new one afterwards. The link only shows your progress and certificates, never lets anyone change them.',
  'faq.q12': 'What data do you keep and whom do I contact about it?',
  'faq.a12':
    'Your name, email, course progress and certificates, to issue and verify them. Personal links are stored only as a one-way hash. The data protection policy (/privacy) lists everything, how long it is kept and your rights; write to the support address for access, correction or deletion requests.',
  // Course requirements worded from data (participant page, enrolment and not-eligible emails).
  'requirement.module': 'Module “{title}”',
  'requirement.quiz': 'Quiz “{title}” (pass mark {passMark}%)',
  'requirement.peerReview': 'Peer review',
  'requirement.discussion': 'Course discussions (at least {minimumPosts} posts)',
  'missing.module': 'Complete the module "{title}".',
  'missing.quizNotTaken': 'Take the quiz "{title}" (pass mark {passMark}%).',
  'missing.quizBelowPassMark': 'Score at least {passMark}% in "{title}" (best so far: {score}%).',
  'missing.peerReview': 'Have your work peer reviewed.',
  'missing.discussion':
    'Take part in the course discussions (at least {minimumPosts} posts; so far: {posts}).',
  'missing.noProgress': 'No progress is recorded for "{course}" yet.',
  'missing.nothingRecorded': 'Nothing is recorded yet.',
  'verify.problem.malformed':
    'This is not a certificate number: check it against the certificate and type it again.',
  'verify.problem.notFound':
    'No certificate has this number. Check it against the certificate and type it again.',
  'verify.problem.file':
    'The file could not be checked: send the certificate PDF or its signed credential (.jwt).',
} as const;
