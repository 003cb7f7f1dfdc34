import type { Catalogue } from './catalogue.js';

/**
 * Arabic (Modern Standard Arabic), right to left. Addressed in the masculine singular as the default
 * generic form, as formal Arabic correspondence does; dates keep Western digits (index.ts).
 */
export const ar: Catalogue = {
  locale: 'ar',
  tag: 'ar',
  name: 'العربية',
  dir: 'rtl',
  messages: {
    'certificate.title': 'شهادة إتمام',
    'certificate.titleWord': 'شهادة',
    'certificate.titleRest': 'إتمام',
    'certificate.certifyThat': 'نشهد بأن',
    'certificate.hasCompleted': 'قد أتمّ بنجاح الدورة التدريبية',
    'certificate.awardedTo': 'تُمنح إلى',
    'certificate.forCompleting': 'لإتمامه بنجاح',
    'certificate.dateOfCompletion': 'تاريخ الإتمام',
    'certificate.dateOfIssue': 'تاريخ الإصدار',
    'certificate.validUntil': 'صالحة حتى',
    'certificate.completed': 'تاريخ الإتمام',
    'certificate.issued': 'تاريخ الإصدار',
    'certificate.scanToVerify': 'امسح الرمز للتحقق',
    'certificate.number': 'رقم الشهادة',
    'certificate.verifyAt': 'تحقق عبر',
    'certificate.verifyThisAt': 'تحقق من هذه الشهادة عبر {site}',
    'certificate.issuedBySayPro': 'صادرة عن SayPro',
    'certificate.alt.sayProLogo': 'شعار SayPro',
    'certificate.alt.courseLogo': 'شعار الجهة المقدمة للدورة. صادرة عن SayPro.',
    'certificate.alt.signature': 'توقيع {name}',
    'certificate.alt.qrCode': 'رمز QR يؤدي إلى صفحة التحقق {url}',
    'certificate.meta.title': 'شهادة إتمام: {course}',
    'certificate.meta.subject': 'أتمّ {holder} دورة {course} (الشهادة {number})',
    'certificate.meta.keyword': 'شهادة',

    'email.dear': 'عزيزي {name}،',
    'email.labelled': '{label}: {value}',
    'email.buttonFallback': 'إذا لم يعمل الزر، انسخ هذا العنوان في متصفحك: {url}',
    'email.footer': 'SayPro Certificates · أُرسلت إليك هذه الرسالة لأنك شاركت في دورة من دورات SayPro.',
    'email.links.pageText': 'صفحتك (التقدم، الشهادات، التنزيلات): {url}',
    'email.links.helpText': 'كيف تعمل الشهادات: {help} · الأسئلة: {faq}',
    'email.links.privacyText': 'كيف نتعامل مع بياناتك الشخصية: {url}',
    'email.links.page': 'صفحتك',
    'email.links.pageSentence': '{page}: تقدمك وشهاداتك وروابط تنزيل جديدة، في أي وقت.',
    'email.links.help': 'كيف تعمل الشهادات',
    'email.links.faq': 'أسئلة وأجوبة',
    'email.links.privacy': 'كيف نتعامل مع بياناتك الشخصية',
    'email.kindRegards': 'مع أطيب التحيات،',
    'email.days':
      '{count, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}',
    'email.fact.certificateNumber': 'رقم الشهادة',
    'email.fact.validUntil': 'صالحة حتى',
    'email.fact.reason': 'السبب',
    'email.verificationPage': 'صفحة التحقق: {url}',

    'email.issued.subject': 'شهادتك من SayPro: {course}',
    'email.issued.subjectResent': 'شهادتك من SayPro (إرسال جديد): {course}',
    'email.issued.heading': 'شهادتك جاهزة',
    'email.issued.preheader': 'نزّل شهادتك لدورة {course}.',
    'email.issued.opening': 'تهانينا على إتمام {course}. شهادتك جاهزة.',
    'email.issued.openingHtml': 'تهانينا على إتمام {course}. شهادتك جاهزة للتنزيل بصيغة PDF:',
    'email.issued.openingResent':
      'بناءً على طلبك، إليك رابطًا جديدًا لشهادتك لدورة {course}. روابط التنزيل السابقة لم تعد تعمل.',
    'email.issued.downloadText': 'نزّل شهادتك (PDF): {url}',
    'email.issued.downloadButton': 'نزّل شهادتك',
    'email.issued.linkWorksUntil':
      'يعمل هذا الرابط حتى {date}؛ وتمنحك صفحتك رابطًا جديدًا في أي وقت. احفظ ملف PDF في مكان آمن؛ يمكنك مشاركته مع أي شخص.',
    'email.issued.howOthersCheck': 'كيف يتحقق الآخرون منها',
    'email.issued.othersCheck':
      'يستطيع أصحاب العمل وغيرهم التأكد من أن شهادتك أصلية بمسح رمز QR المطبوع عليها، أو بفتح {url} ومقارنة التفاصيل، أو بإدخال رقم الشهادة في موقع التحقق.',
    'email.issued.linkedIn': 'أضفها إلى ملفك الشخصي على LinkedIn',
    'email.issued.somethingWrong': 'هل هناك خطأ؟',
    'email.issued.correction':
      'إذا كان اسمك أو أي تفصيل آخر في الشهادة غير صحيح، فردّ على هذه الرسالة أو اكتب إلى {support} مع ذكر رقم الشهادة. سنصدر شهادة مصححة، وسيظهر الرقم القديم بعدها على أنه مستبدل.',
    'email.survey.heading': 'كيف كانت التجربة؟',
    'email.survey.text':
      'دقيقتان وأربعة أسئلة: أخبرنا كيف جرى حصولك على شهادتك، وهل فيها أي خطأ. لقد وافقت على تلقي الاستبيانات؛ ويمكنك تغيير ذلك من صفحتك.',
    'email.survey.button': 'أجب عن الاستبيان',

    'email.notEligible.subject': 'شهادتك من SayPro لدورة {course}: بقيت بضع خطوات',
    'email.notEligible.heading': 'بقيت بضع خطوات',
    'email.notEligible.preheader':
      '{count, plural, zero {لا خطوات متبقية} one {بقيت خطوة واحدة} two {بقيت خطوتان} few {بقيت # خطوات} many {بقيت # خطوة} other {بقيت # خطوة}} قبل إصدار شهادتك.',
    'email.notEligible.intro':
      'تمت الموافقة على عملك في {course}، لكن لا يمكن إصدار الشهادة بعد. ما زال عليك:',
    'email.notEligible.missingFallback': 'أحد متطلبات الدورة لم يكتمل بعد.',
    'email.notEligible.closing':
      'بمجرد إتمام ذلك، تصدر شهادتك تلقائيًا؛ ولا حاجة إلى الطلب مرة أخرى. إذا كنت تعتقد أن هذا خطأ، فردّ على هذه الرسالة أو اكتب إلى {support}.',

    'email.pageLink.subject': 'رابطك إلى شهاداتك من SayPro',
    'email.pageLink.heading': 'رابطك الشخصي',
    'email.pageLink.preheader': 'رابط جديد إلى صفحتك.',
    'email.pageLink.intro':
      'طلبتَ (أو طلب شخص يعرف عنوانك) رابطًا جديدًا إلى صفحتك الشخصية. إذا لم تكن أنت، فتجاهل هذه الرسالة: الرابط لا يعرض إلا تقدمك وشهاداتك.',

    'email.surveyReminder.subject': 'كيف جرت شهادتك من SayPro لدورة {course}؟',
    'email.surveyReminder.heading': 'دقيقتان لرأيك؟',
    'email.surveyReminder.preheader': 'أربعة أسئلة قصيرة عن شهادتك.',
    'email.surveyReminder.body':
      'قبل أسبوع تسلّمت شهادتك لدورة {course} (الرقم {number}). أخبرنا كيف جرى حصولك عليها، وهل فيها أي خطأ: أربعة أسئلة قصيرة، ومساحة لأي شيء آخر.',
    'email.surveyReminder.onlyReminder':
      'هذا هو التذكير الوحيد الذي نرسله بهذا الشأن. لقد وافقت على الاستبيانات والتذكيرات؛ ويمكنك سحب موافقتك من صفحتك في أي وقت.',

    'email.enrolled.subject': 'مرحبًا بك في {course}: كيف تحصل على شهادتك من SayPro',
    'email.enrolled.heading': 'مرحبًا بك في دورتك',
    'email.enrolled.preheader': 'ما الذي يؤهلك لشهادة {course}، وأين تتابع تقدمك.',
    'email.enrolled.intro': 'أنت مسجَّل في {course}.',
    'email.enrolled.whatEarns': 'ما الذي يؤهلك للشهادة',
    'email.enrolled.requirementFallback': 'موافقة فريق العمل على عملك في الدورة.',
    'email.enrolled.howIssued':
      'بمجرد تسجيل ذلك وموافقة فريق العمل على عملك، تصدر شهادتك وتُرسل إليك تلقائيًا، عادةً خلال دقائق وفي موعد أقصاه {days} بعد الموافقة.',
    'email.enrolled.validity': 'وهي صالحة لمدة {days} من تاريخ الإصدار؛ وسنذكّرك قبل انتهاء صلاحيتها.',
    'email.enrolled.button': 'تابع تقدمك',
    'email.enrolled.ticks':
      'تؤشّر صفحتك على كل متطلب فور تسجيله. إذا بدا لك فيها شيء غير صحيح، فردّ على هذه الرسالة أو اكتب إلى {support}.',

    'email.corrected.subject': 'شهادتك المصححة من SayPro: {course}',
    'email.corrected.heading': 'شهادتك المصححة',
    'email.corrected.preheader': 'شهادة مصححة تحل محل {number}.',
    'email.corrected.body':
      'صحّحنا شهادتك لدورة {course}. تحل الشهادة المصححة محل الرقم {number}، الذي يظهر الآن للمتحققين على أنه مستبدل ويحيل إلى الشهادة الجديدة.',
    'email.corrected.reason': 'سبب التصحيح',
    'email.corrected.reasonFallback': 'كان أحد تفاصيل الشهادة غير صحيح',
    'email.corrected.newNumber': 'رقم الشهادة الجديد',
    'email.corrected.button': 'نزّل الشهادة المصححة',
    'email.corrected.linkWorksUntil':
      'يعمل هذا الرابط حتى {date}؛ وتمنحك صفحتك رابطًا جديدًا في أي وقت. يُرجى مشاركة الشهادة المصححة من الآن فصاعدًا؛ فمن يتحقق من الرقم القديم يُحال إليها.',

    'email.revoked.subject': 'أُلغيت شهادتك من SayPro رقم {number}',
    'email.revoked.heading': 'أُلغيت شهادتك',
    'email.revoked.preheader': 'الشهادة {number} لدورة {course} لم تعد صالحة.',
    'email.revoked.body':
      'أُلغيت شهادتك لدورة {course} (الرقم {number}) في {date}. ومن يتحقق منها من الآن فصاعدًا يُبلَّغ بأنها ملغاة.',
    'email.revoked.mistake':
      'إذا كنت تعتقد أن هذا خطأ، فردّ على هذه الرسالة أو اكتب إلى {support} مع ذكر رقم الشهادة.',

    'email.expiry.subjectToday': 'تنتهي صلاحية شهادتك من SayPro لدورة {course} اليوم',
    'email.expiry.subjectSoon': 'تنتهي صلاحية شهادتك من SayPro لدورة {course} في {date}',
    'email.expiry.headingToday': 'تنتهي صلاحية شهادتك اليوم',
    'email.expiry.headingSoon': 'تنتهي صلاحية شهادتك قريبًا',
    'email.expiry.preheader': 'الشهادة {number} صالحة حتى {date}.',
    'email.expiry.bodyToday':
      'تبلغ شهادتك لدورة {course} (الرقم {number}) تاريخ انتهاء صلاحيتها اليوم، {date}. ومن ذلك الحين يراها المتحققون منتهية الصلاحية.',
    'email.expiry.bodySoon':
      'شهادتك لدورة {course} (الرقم {number}) صالحة حتى {date}. وبعد ذلك يراها المتحققون منتهية الصلاحية.',
    'email.expiry.howToRenew': 'كيف تجددها',
    'email.expiry.renewing':
      'التجديد يعني استيفاء متطلبات الدورة من جديد؛ ثم تصدر شهادة جديدة وتُرسل إليك تلقائيًا، بتاريخ انتهاء صلاحية جديد.',
    'email.expiry.button': 'كيف تجدد',
    'email.expiry.questions': 'أسئلة؟ ردّ على هذه الرسالة أو اكتب إلى {support}.',

    'email.consent.subject': 'شهادتك من SayPro لدورة {course} جاهزة: مطلوب منك اختيار واحد',
    'email.consent.heading': 'شهادتك جاهزة للإصدار',
    'email.consent.preheader': 'نحتاج إلى موافقتك على طباعة اسمك عليها.',
    'email.consent.body':
      'لقد استوفيت كل ما تتطلبه دورة {course}، وتمت الموافقة على عملك. قبل أن نصدر شهادتك نحتاج إلى موافقتك على طباعة اسمك عليها:',
    'email.consent.button': 'امنح موافقتك أو ارفضها',
    'email.consent.after':
      'بمجرد موافقتك على صفحتك، تصدر الشهادة وتُرسل إليك خلال دقائق؛ ولا يلزم أي شيء آخر. تتيح لك صفحتك أيضًا أن تختار هل يرى المتحققون اسمك، وهل يمكننا إرسال الاستبيانات والتذكيرات إليك. ويمكنك تغيير أي من ذلك لاحقًا.',

    'page.help': 'كيف تعمل الشهادات',
    'page.faq': 'أسئلة وأجوبة',
    'page.verify': 'التحقق من شهادة',
    'page.privacy': 'الخصوصية',
    'page.language': 'اللغة',

    'verify.title': 'التحقق من شهادة SayPro',
    'verify.header': 'التحقق من الشهادات',
    'verify.verdict.valid': 'أصلية وصالحة',
    'verify.verdict.revoked': 'ملغاة',
    'verify.verdict.superseded': 'استُبدلت بشهادة مصححة',
    'verify.verdict.expired': 'أصلية، لكنها منتهية الصلاحية',
    'verify.verdict.notGenuine': 'غير أصلية: التوقيع لا يصح',
    'verify.verdict.notVerified': 'لم يتم التحقق',
    'verify.row.number': 'رقم الشهادة',
    'verify.row.issuedBy': 'الجهة المصدرة',
    'verify.row.course': 'الدورة',
    'verify.row.holder': 'صاحب الشهادة',
    'verify.row.completed': 'تاريخ الإتمام',
    'verify.row.issued': 'تاريخ الإصدار',
    'verify.row.validUntil': 'صالحة حتى',
    'verify.row.revokedOn': 'تاريخ الإلغاء',
    'verify.row.reason': 'السبب',
    'verify.row.currentVersion': 'النسخة الحالية',
    'verify.row.signature': 'التوقيع',
    'verify.holderWithdrawn': 'سُحبت بيانات صاحب الشهادة بناءً على طلبه ({date})',
    'verify.holderHidden': 'غير معروض (لم يوافق صاحب الشهادة على إظهار اسمه)',
    'verify.signature.valid': 'تم التحقق منه بمفتاح التوقيع الخاص بـ SayPro',
    'verify.signature.compromised': 'لا يصح: المفتاح الذي وقّعها سُحب',
    'verify.signature.invalid': 'لا يصح',
    'verify.currentVersionIs': 'النسخة الحالية هي {link}.',
    'verify.corrects': 'هذه الشهادة تصحح {link}.',
    'verify.prompt': 'اكتب الرقم المطبوع على الشهادة، أو امسح رمز QR الخاص بها.',
    'verify.numberLabel': 'رقم الشهادة',
    'verify.placeholder': 'مثال: {example}',
    'verify.check': 'تحقق',
    'verify.orFile': 'أو تحقق من ملف',
    'verify.fileLabel': 'ملف PDF لشهادة، أو اعتمادها الموقَّع (.jwt)',
    'verify.checkFile': 'تحقق من الملف',
    'verify.offline':
      'يمكن لأي شخص أيضًا التحقق من الشهادة دون اتصال باستخدام المفتاح العام الذي تنشره SayPro.',

    'me.title': 'شهاداتك من SayPro',
    'me.header': 'شهاداتك',
    'me.hello': 'مرحبًا {name}',
    'me.intro': 'هذه الصفحة خاصة بك: احتفظ برابطها لنفسك. تعرض تقدمك وشهاداتك.',
    'me.certificates': 'الشهادات',
    'me.noCertificate': 'لا توجد شهادة بعد.',
    'me.status.valid': 'صالحة',
    'me.status.revoked': 'ملغاة',
    'me.status.superseded': 'استُبدلت بشهادة مصححة',
    'me.row.number': 'الرقم',
    'me.row.status': 'الحالة',
    'me.row.issued': 'تاريخ الإصدار',
    'me.row.validUntil': 'صالحة حتى',
    'me.row.reason': 'السبب',
    'me.row.currentVersion': 'النسخة الحالية',
    'me.download': 'نزّل ملف PDF',
    'me.feedback': 'أبدِ رأيك',
    'me.saveCredential': 'احفظ الاعتماد الموقَّع',
    'me.linkedIn': 'أضف إلى ملف LinkedIn',
    'me.verificationPage': 'صفحة التحقق العامة الخاصة بها',
    'me.holderProof':
      'لإثبات أن الاعتماد الموقَّع يخصك، أعطِ المتحقق عنوان بريدك الإلكتروني وهذا الرمز: {code}. واحتفظ به لنفسك في غير ذلك: فبه يستطيع أي شخص يعرف عنوانك أن يربط هذا الاعتماد بك.',
    'me.state.eligible': 'جميع المتطلبات مستوفاة: تصلك شهادتك بعد ثوانٍ من موافقة فريق العمل على عملك.',
    'me.state.notYet':
      'بمجرد تسجيل العناصر الناقصة وموافقة فريق العمل على عملك، تصدر شهادتك تلقائيًا بعد ثوانٍ.',
    'me.state.approved': 'تمت الموافقة في {date}.',
    'me.state.issued': 'صدرت شهادتك: انظر أدناه.',
    'me.state.awaitingConsent':
      'شهادتك جاهزة للإصدار: وافق أدناه على ظهور اسمك عليها، فتصدر وتُرسل إليك خلال دقائق.',
    'me.state.notEligible':
      'ما زالت بعض المتطلبات ناقصة: بمجرد تسجيلها تصدر شهادتك تلقائيًا؛ ولا حاجة إلى الطلب مرة أخرى.',
    'me.state.failed': 'واجه إصدارها مشكلة يعمل فريق العمل على إصلاحها.',
    'me.state.failedBy': 'واجه إصدارها مشكلة يعمل فريق العمل على إصلاحها؛ توقّعها في موعد أقصاه {date}.',
    'me.state.inProgress': 'شهادتك قيد الإصدار وتصل عادةً خلال دقائق.',
    'me.state.inProgressBy': 'شهادتك قيد الإصدار وتصل عادةً خلال دقائق؛ وموعدها الأقصى {date}.',
    'me.consent.heading': 'اختياراتك بشأن بياناتك',
    'me.consent.notAnswered': 'لم تتم الإجابة بعد.',
    'me.consent.answerYes': 'إجابتك منذ {date}: نعم.',
    'me.consent.answerNo': 'إجابتك منذ {date}: لا.',
    'me.consent.yes': 'نعم، أوافق',
    'me.consent.no': 'لا',
    'me.consent.saved': 'حُفظت اختياراتك. يمكنك تغييرها هنا في أي وقت.',
    'me.consent.save': 'احفظ اختياراتي',
    'me.consent.recorded': 'تُسجَّل كل إجابة بالصيغة الواردة أعلاه مع التاريخ. انظر {link}.',
    'me.consent.privacyLink': 'كيف نتعامل مع بياناتك الشخصية',
    'me.language.heading': 'اللغة',
    'me.language.text': 'لغة هذه الصفحة والرسائل التي نرسلها إليك.',
    'me.language.save': 'احفظ اللغة',
    'me.language.saved': 'تم الحفظ: هذه الصفحة ورسائلك الآن باللغة العربية.',
    'me.notFound.title': 'الرابط غير صالح',
    'me.notFound.heading': 'هذا الرابط لا يفتح أي صفحة',
    'me.notFound.text': 'ربما كُتب بشكل خاطئ أو انتهت صلاحيته أو سُحب. اطلب رابطًا جديدًا:',
    'me.linkForm.label': 'عنوان بريدك الإلكتروني',
    'me.linkForm.placeholder': 'you@example.org',
    'me.linkForm.button': 'أرسل إليّ رابطي',
    'me.linkRequested.title': 'تم طلب الرابط',
    'me.linkRequested.heading': 'تفقّد بريدك الوارد',
    'me.linkRequested.text':
      'إذا كان هذا العنوان معروفًا لدينا، فإن رابطًا إلى صفحتك في طريقه إليك. قد يستغرق وصوله بضع دقائق.',

    'feedback.title': 'رأيك',
    'feedback.heading': 'كيف جرت شهادتك؟',
    'feedback.about': 'بخصوص شهادتك لدورة {course} (الرقم {number}). يستغرق الأمر نحو دقيقتين.',
    'feedback.answeredBefore': 'أجبت في {date}. إرسال النموذج مرة أخرى يستبدل تلك الإجابات.',
    'feedback.notSaved': 'لم تُحفظ إجاباتك',
    'feedback.error': 'خطأ:',
    'feedback.field.processRating': 'كيف جرى حصولك على شهادتك',
    'feedback.field.recommendLikelihood': 'مدى احتمال أن توصي بالدورة',
    'feedback.field.problems': 'ما الخطأ في شهادتك',
    'feedback.field.comment': 'أي شيء آخر',
    'feedback.processRating': 'إلى أي حد جرى حصولك على شهادتك بشكل جيد؟ (مطلوب)',
    'feedback.processLow': 'بشكل سيئ',
    'feedback.processHigh': 'بشكل جيد جدًا',
    'feedback.recommend': 'ما مدى احتمال أن توصي بهذه الدورة لصديق أو زميل؟ (مطلوب)',
    'feedback.recommendLow': 'غير محتمل إطلاقًا',
    'feedback.recommendHigh': 'محتمل للغاية',
    'feedback.scaleHint': '{min} = {low}، {max} = {high}',
    'feedback.problems': 'هل كان في شهادتك أي خطأ؟',
    'feedback.problemsHint': 'اختر كل ما ينطبق؛ واتركه فارغًا إذا كان كل شيء صحيحًا. سنتواصل معك لتصحيحه.',
    'feedback.problem.name': 'اسمي',
    'feedback.problem.course': 'الدورة',
    'feedback.problem.date': 'تاريخ',
    'feedback.problem.other': 'شيء آخر',
    'feedback.optional': '{question} (اختياري)',
    'feedback.courseScaleLow': 'إطلاقًا',
    'feedback.courseScaleHigh': 'كثيرًا جدًا',
    'feedback.comment': 'هل تريد أن تخبرنا بأي شيء آخر؟ (اختياري)',
    'feedback.commentHint': '{max} حرف على الأكثر. يُرجى عدم ذكر البيانات الشخصية لأشخاص آخرين.',
    'feedback.send': 'أرسل إجاباتي',
    'feedback.kept':
      'تُحفظ إجاباتك مع بياناتك الأخرى لدى SayPro، وتُضمَّن عند طلبك نسخة من بياناتك وتُحذف معها. انظر {link}.',
    'feedback.privacyLink': 'كيف نتعامل مع بياناتك الشخصية',
    'feedback.thanks.title': 'شكرًا لك',
    'feedback.thanks.heading': 'شكرًا لك على رأيك',
    'feedback.thanks.saved': 'حُفظت إجاباتك بخصوص شهادتك لدورة {course}.',
    'feedback.thanks.updated': 'حُدّثت إجاباتك بخصوص شهادتك لدورة {course}.',
    'feedback.thanks.problems': 'أخبرتنا بأن في شهادتك خطأً: سيراجعه فريقنا ويكتب إليك.',
    'feedback.thanks.change': 'غيّرت رأيك؟ {link}: فهي تستبدل هذه الإجابات.',
    'feedback.thanks.changeLink': 'غيّر إجاباتك',
    'feedback.notFound.title': 'الرابط غير صالح',
    'feedback.notFound.heading': 'رابط الاستبيان هذا لا يفتح أي استبيان',
    'feedback.notFound.text':
      'ربما كُتب بشكل خاطئ أو انتهت صلاحيته. في صفحتك الشخصية، المرتبطة في كل رسالة نرسلها، زر استبيان لكل شهادة.',

    'help.title': 'كيف تعمل شهادات SayPro',
    'help.header': 'المساعدة',
    'help.earn.heading': 'كيف تحصل على شهادة',
    'help.earn.text':
      'تذكر كل دورة أدناه ما تطلبه منك. عندما يوافق فريق SayPro على إتمامك وتُستوفى جميع المتطلبات، تصدر شهادتك تلقائيًا. وإذا كان شيء ما زال ناقصًا، تصلك رسالة واحدة تحدد ما هو بالضبط؛ وبمجرد تسجيل العمل الناقص تصدر الشهادة من تلقاء نفسها — ولا حاجة إلى الطلب مرة أخرى.',
    'help.arrives.heading': 'متى تصل',
    'help.arrives.text':
      'بعد ثوانٍ من الموافقة، وعند استيفاء جميع المتطلبات، تصلك رسالة بشهادتك. وتعرض صفحتك الشخصية (الرابط الموجود في كل رسالة) كل متطلب مع علامة صح والتاريخ المتوقع للشهادة.',
    'help.download.heading': 'تنزيلها',
    'help.download.text':
      'افتح صفحتك الشخصية واضغط «نزّل ملف PDF»: كل ضغطة تُنشئ رابطًا جديدًا، فلا تتركك رسالة قديمة بلا حل. احفظ أيضًا الاعتماد الموقَّع (.jwt): فهو يعمل في المحافظ الرقمية ويثبت الشهادة دون موقع SayPro.',
    'help.share.heading': 'التحقق منها ومشاركتها',
    'help.share.text':
      'لكل شهادة رقم ورمز QR يفتح صفحة التحقق العامة الخاصة بها. شارك تلك الصفحة، أو استخدم «أضف إلى ملف LinkedIn» في صفحتك الشخصية. ويمكن لأي شخص التحقق من شهادة عبر {verify} برقمها أو برفع ملف PDF.',
    'help.expires.heading': 'متى تنتهي صلاحيتها',
    'help.expires.text':
      'تصدر بعض الدورات شهادات صالحة لمدة محددة (انظر الدورة أدناه)؛ ويُطبع تاريخ انتهاء الصلاحية على الشهادة ويظهر في صفحتك. نراسلك قبل 60 يومًا وفي اليوم نفسه. وللتجديد، استوفِ متطلبات الدورة من جديد (قد تحيل الدورة إلى خطوات التجديد الخاصة بها أدناه)؛ ثم تصدر الشهادة الجديدة وتُرسل تلقائيًا، بتاريخ انتهاء صلاحية جديد.',
    'help.lost.heading': 'فقدت رابطك؟',
    'help.lost.text': 'اطلب رابطًا جديدًا بعنوان بريدك الإلكتروني:',
    'help.data.heading': 'بياناتك الشخصية',
    'help.data.text':
      'ما تحتفظ به SayPro عنك، ولماذا، وإلى متى، وكيف تطلب نسخة منه أو تصحيحه أو حذفه: {policy}.',
    'help.data.policy': 'سياسة حماية البيانات',
    'help.courses.heading': 'الدورات ومتطلباتها',
    'help.courses.none': 'لم تُنشر أي دورة بعد.',
    'help.requirement.module': 'أتمّ الوحدة «{title}».',
    'help.requirement.quiz': 'احصل على {passMark}% على الأقل في اختبار «{title}».',
    'help.requirement.peerReview': 'اعرض عملك على تقييم الزملاء.',
    'help.requirement.discussion':
      'شارك في نقاشات الدورة (على الأقل {posts, plural, zero {# مشاركة} one {مشاركة واحدة} two {مشاركتان} few {# مشاركات} many {# مشاركة} other {# مشاركة}}).',
    'help.requirement.none': 'لا متطلبات سوى موافقة فريق العمل.',
    'help.validity':
      'شهادات هذه الدورة صالحة لمدة {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} بعد إصدارها.',
    'help.noExpiry': 'شهادات هذه الدورة لا تنتهي صلاحيتها.',
    'help.renew': 'كيف تجددها',
    'help.deadline':
      'يصدرها فريق العمل خلال {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} من الموافقة على الأكثر.',

    'faq.title': 'أسئلة وأجوبة · شهادات SayPro',
    'faq.heading': 'أسئلة وأجوبة',
    'faq.contact': 'لأي شيء آخر: اكتب إلى {support}. كيف نتعامل مع بياناتك الشخصية: {policy}.',
    'faq.q1': 'فقدت الرسالة التي فيها شهادتي. ماذا أفعل؟',
    'faq.a1':
      'افتح صفحتك الشخصية من أي رسالة من SayPro ونزّلها مرة أخرى، أو اطلب رابطًا جديدًا في صفحة المساعدة بعنوان بريدك الإلكتروني. يصل الرابط خلال دقائق إذا كان العنوان معروفًا.',
    'faq.q2': 'انتهت صلاحية رابط التنزيل في رسالتي.',
    'faq.a2':
      'روابط التنزيل في الرسائل تدوم بضعة أيام عن قصد. وتُنشئ صفحتك الشخصية رابطًا جديدًا في كل مرة تضغط فيها «نزّل ملف PDF».',
    'faq.q3': 'اسمي خطأ في الشهادة.',
    'faq.a3':
      'اكتب إلى عنوان الدعم الموجود في رسالتك. يصدر فريق العمل شهادة مصححة برقم جديد؛ ثم تظهر القديمة على أنها مستبدلة، وتحيل صفحة التحقق الخاصة بها إلى الجديدة.',
    'faq.q4': 'ما وظيفة رمز QR؟',
    'faq.a4':
      'يفتح صفحة التحقق العامة للشهادة، التي تبيّن هل الشهادة أصلية أو صالحة أو ملغاة أو مستبدلة أو منتهية الصلاحية.',
    'faq.q5': 'من يستطيع رؤية اسمي؟',
    'faq.a5':
      'فقط ما وافقت عليه: دون موافقتك تعرض صفحة التحقق الدورة والتواريخ دون اسمك. أما صفحتك الشخصية فلا يراها إلا من يملك رابطك.',
    'faq.q6': 'كيف يتحقق صاحب العمل من شهادتي؟',
    'faq.a6':
      'بمسح رمز QR، أو كتابة الرقم في /verify، أو رفع ملف PDF هناك. وتأتي الإجابة من سجلات SayPro والتوقيع الرقمي للشهادة.',
    'faq.q7': 'هل يمكن التحقق من شهادة دون موقع SayPro؟',
    'faq.a7':
      'نعم. يمكن التحقق من الاعتماد الموقَّع (.jwt) ومن توقيع ملف PDF دون اتصال بالمفتاح العام الذي تنشره SayPro (/.well-known/jwks.json).',
    'faq.q8': 'تظهر شهادتي على أنها ملغاة. لماذا؟',
    'faq.a8':
      'لا يلغي فريق العمل شهادة إلا لسبب مذكور، تعرضه صفحة التحقق. إذا كنت تعتقد أن ذلك خطأ، فاكتب إلى عنوان الدعم.',
    'faq.q9': 'هل تنتهي صلاحية شهادتي؟ كيف أجددها؟',
    'faq.a9':
      'تصدر بعض الدورات شهادات صالحة لمدة محددة (انظر الدورة في صفحة المساعدة)؛ ويُطبع تاريخ انتهاء الصلاحية على الشهادة. والتجديد يعني إتمام الدورة من جديد، ما يؤدي إلى شهادة جديدة.',
    'faq.q10': 'أنهيت العمل الناقص. هل عليّ أن أطلب مرة أخرى؟',
    'faq.a10': 'لا. بمجرد أن يسجل فريق العمل تقدمك، تصدر الشهادة تلقائيًا إذا استوفيت كل شيء.',
    'faq.q11': 'شخص آخر لديه رابطي الشخصي.',
    'faq.a11':
      'اطلب من عنوان الدعم إلغاء روابطك، ثم اطلب رابطًا جديدًا. الرابط لا يعرض إلا تقدمك وشهاداتك، ولا يتيح لأحد تغييرها أبدًا.',
    'faq.q12': 'ما البيانات التي تحتفظون بها، وبمن أتصل بشأنها؟',
    'faq.a12':
      'اسمك وبريدك الإلكتروني وتقدمك في الدورات وشهاداتك، لإصدارها والتحقق منها. ولا تُحفظ الروابط الشخصية إلا على شكل بصمة أحادية الاتجاه. تسرد سياسة حماية البيانات (/privacy) كل شيء، ومدة الاحتفاظ به، وحقوقك؛ واكتب إلى عنوان الدعم لطلبات الاطلاع أو التصحيح أو الحذف.',
    'requirement.module': 'الوحدة «{title}»',
    'requirement.quiz': 'اختبار «{title}» (درجة النجاح {passMark}%)',
    'requirement.peerReview': 'تقييم الزملاء',
    'requirement.discussion': 'نقاشات الدورة (على الأقل {minimumPosts} مشاركات)',
    'missing.module': 'أتمّ الوحدة «{title}».',
    'missing.quizNotTaken': 'أدِّ اختبار «{title}» (درجة النجاح {passMark}%).',
    'missing.quizBelowPassMark':
      'احصل على {passMark}% على الأقل في «{title}» (أفضل نتيجة حتى الآن: {score}%).',
    'missing.peerReview': 'اعرض عملك على تقييم الزملاء.',
    'missing.discussion': 'شارك في نقاشات الدورة (على الأقل {minimumPosts} مشاركات؛ حتى الآن: {posts}).',
    'missing.noProgress': 'لم يُسجَّل أي تقدم في «{course}» بعد.',
    'missing.nothingRecorded': 'لم يُسجَّل شيء بعد.',
  },
  notes: {
    'email.dear':
      '“عزيزي” is the masculine form; SayPro does not record gender, so the generic masculine is used, as is usual in formal Arabic. A reviewer may prefer the neutral “مرحبًا {name}،”.',
    'certificate.hasCompleted':
      'Masculine verb forms (أتمّ) for the same reason; “دورة تدريبية” for a training course.',
    'verify.fileLabel':
      '“الاعتماد الموقَّع” for the signed credential (VC-JWT); there is no settled Arabic term, “بيانات الاعتماد الموقعة” is an alternative.',
    'email.days': 'Arabic has six plural forms (zero, one, two, few, many, other); all are given.',
    'feedback.commentHint': 'With a number above 10, “حرف” (singular) is grammatical after the number.',
  },
};
