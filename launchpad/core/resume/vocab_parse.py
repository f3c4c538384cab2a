"""The resume parser's word lists: section headings, degrees, job titles, places, languages.

Written by us for Indian and Philippine resumes (with the common US spellings), kept compact:
the major cities, states and provinces rather than every place. Keys are lower case; the
parser normalises text before looking it up (see `parse_sections.normalise_heading`).
"""

from __future__ import annotations

# Section keys the parser knows. "work" also takes internships (with a note in the reasons);
# "personal", "declaration", "references" and "contact" are read but never copied out.
SECTION_KEYS = (
    "summary", "education", "work", "internships", "skills", "certificates", "languages",
    "projects", "awards", "volunteer", "interests", "personal", "declaration", "references",
    "contact",
)  # fmt: skip

HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "profile",
        "professional profile",
        "career profile",
        "profile summary",
        "objective",
        "career objective",
        "job objective",
        "objectives",
        "about me",
        "personal statement",
        "executive summary",
        "career goal",
        "summary of qualifications",
        "introduction",
        "professional objective",
    ),
    "education": (
        "education",
        "educational background",
        "educational qualifications",
        "educational qualification",
        "academic qualifications",
        "academic qualification",
        "academics",
        "academic background",
        "academic details",
        "academic profile",
        "qualifications",
        "education and training",
        "scholastic record",
        "educational attainment",
        "education details",
        "educational details",
    ),
    "work": (
        "experience",
        "work experience",
        "professional experience",
        "employment history",
        "employment",
        "work history",
        "career history",
        "relevant experience",
        "job experience",
        "experience summary",
        "professional background",
        "employment details",
        "work experience and internships",
    ),
    "internships": (
        "internships",
        "internship",
        "internship experience",
        "on the job training",
        "ojt",
        "industrial training",
        "internship and training",
    ),
    "skills": (
        "skills",
        "key skills",
        "technical skills",
        "core competencies",
        "competencies",
        "areas of expertise",
        "skill set",
        "skillset",
        "skills summary",
        "it skills",
        "computer skills",
        "soft skills",
        "professional skills",
        "strengths",
        "key strengths",
        "expertise",
        "technical proficiency",
        "computer proficiency",
        "core skills",
        "skills and abilities",
        "relevant skills",
        "skills and competencies",
        "computer knowledge",
        "technical knowledge",
        "software knowledge",
        "it knowledge",
        "software skills",
        "computer literacy",
        "tools and technologies",
        "tools",
    ),
    "certificates": (
        "certifications",
        "certificates",
        "certification",
        "trainings",
        "training",
        "licenses and certifications",
        "licences and certifications",
        "courses",
        "certifications and trainings",
        "seminars and trainings",
        "trainings and seminars",
        "seminars attended",
        "trainings attended",
        "professional development",
        "courses and certifications",
        "certifications and courses",
    ),
    "languages": (
        "languages",
        "languages known",
        "language proficiency",
        "language skills",
        "linguistic proficiency",
        "language",
    ),
    "projects": (
        "projects",
        "academic projects",
        "key projects",
        "personal projects",
        "project work",
        "project details",
        "mini project",
        "major project",
        "capstone project",
        "project",
    ),
    "awards": (
        "achievements",
        "awards",
        "accomplishments",
        "honors",
        "honours",
        "awards and achievements",
        "honors and awards",
        "honours and awards",
        "achievements and awards",
        "recognition",
        "awards and recognition",
        "key achievements",
        "academic achievements",
        "awards and honors",
    ),
    "volunteer": (
        "volunteer",
        "volunteering",
        "volunteer experience",
        "volunteer work",
        "extra curricular activities",
        "extracurricular activities",
        "extra curricular",
        "co curricular activities",
        "activities",
        "leadership and activities",
        "community service",
        "organizations",
        "affiliations",
        "organizations and affiliations",
        "social work",
        "positions of responsibility",
        "leadership",
    ),
    "interests": (
        "interests",
        "hobbies",
        "hobbies and interests",
        "interests and hobbies",
        "personal interests",
    ),
    "personal": (
        "personal details",
        "personal information",
        "personal data",
        "personal profile",
        "bio data",
        "biodata",
        "personal particulars",
    ),
    "declaration": ("declaration", "self declaration"),
    "references": ("references", "character references", "referees", "reference"),
    "contact": (
        "contact",
        "contact details",
        "contact information",
        "contact info",
        "links",
        "online profiles",
        "social links",
    ),
}

# Labels of personal details an ATS does not need (and that invite bias): a line starting
# with one of these is never copied into the resume.
SENSITIVE_LABELS = (
    "date of birth", "dob", "d o b", "birth date", "birthdate", "birthday", "place of birth",
    "birthplace", "age", "father s name", "fathers name", "father name", "mother s name",
    "mothers name", "mother name", "spouse", "husband s name", "nationality", "citizenship",
    "religion", "caste", "marital status", "civil status", "gender", "sex", "height", "weight",
    "blood group", "passport", "passport no", "aadhaar", "aadhar", "pan", "pan no",
    "pan card", "sss", "sss no", "tin", "tin no", "philhealth", "pag ibig", "pagibig",
    "nbi clearance", "permanent address",
)  # fmt: skip

# (canonical study type, pattern). Patterns are matched case-sensitively where a short form
# is also an English word (BE, BA, AB, MA); the order matters: longer forms come first.
DEGREES: tuple[tuple[str, str], ...] = (
    ("BSBA", r"\bBSBA\b|Bachelor of Science in Business Administration"),
    ("BSIT", r"\bBSIT\b|Bachelor of Science in Information Technology"),
    ("BSCS", r"\bBSCS\b|Bachelor of Science in Computer Science(?=[^,]*(?:Philippines|Manila))"),
    ("BSA", r"\bBSA\b|Bachelor of Science in Accountancy"),
    ("BSHM", r"\bBSHM\b|Bachelor of Science in Hospitality Management"),
    ("BSN", r"\bBSN\b|Bachelor of Science in Nursing"),
    ("B.Com", r"\bB\.?\s?Com\b\.?|\bBachelor of Commerce\b"),
    ("M.Com", r"\bM\.?\s?Com\b\.?|\bMaster of Commerce\b"),
    ("BBA", r"\bBBA\b|\bB\.B\.A\b\.?|\bBachelor of Business Administration\b"),
    ("BBM", r"\bBBM\b|\bBachelor of Business Management\b"),
    ("BCA", r"\bBCA\b|\bB\.C\.A\b\.?|\bBachelor of Computer Applications?\b"),
    ("MCA", r"\bMCA\b|\bMaster of Computer Applications?\b"),
    ("B.Tech", r"\bB\.?\s?Tech\b\.?|\bBachelor of Technology\b"),
    ("M.Tech", r"\bM\.?\s?Tech\b\.?|\bMaster of Technology\b"),
    ("B.E.", r"\bB\.E\b\.?|\bBE\b(?=\s*(?:\(|in\b|-|–|,))|\bBachelor of Engineering\b"),
    ("B.Sc", r"\bB\.?\s?Sc\b\.?|\bBachelor of Science\b"
             r"(?!\s+in\s+(?:Business|Information|Accountancy|Hospitality|Nursing))"),
    ("M.Sc", r"\bM\.?\s?Sc\b\.?|\bMaster of Science\b"),
    ("BS", r"\bB\.S\.|\bBS\b(?=\s*(?:in\b|[A-Z]))"),
    ("B.A.", r"\bB\.A\b\.?|\bBA\b(?=\s*(?:\(|in\b|-|–|,|Hons|\s[A-Z]))|\bBachelor of Arts\b"),
    ("AB", r"\bA\.B\.|\bAB\b(?=\s*(?:in\b|[A-Z]))"),
    ("M.A.", r"\bM\.A\b\.?|\bMaster of Arts\b"),
    ("PhD", r"\bPh\.?\s?D\b\.?|\bDoctor of Philosophy\b"),
    ("MBA", r"\bMBA\b|\bM\.B\.A\b\.?|\bMaster of Business Administration\b"),
    ("PGDM", r"\bPGDM\b|\bPGDBM\b|\bPost[- ]?Graduate Diploma\b"),
    ("Class XII", r"\bHSC\b|\b12th\b|\bXII(?:th)?\b|\bClass\s+12\b|\bHigher Secondary\b"
                  r"|\bSenior Secondary\b|\bIntermediate\b(?=.*(?:Board|College|\d{4}))|\bPUC\b"
                  r"|\bPre[- ]University\b"),
    ("Class X", r"\bSSC\b|\bSSLC\b|\b10th\b"
                r"|\bX(?:th)?\b(?=\s*(?:\(|Standard|Std|Board|CBSE|ICSE|\||–|-|,))"
                r"|\bClass\s+(?:10|X)\b|\bMatriculation\b|\bSecondary School Certificate\b"),
    ("Senior High School", r"\bSenior High(?: School)?\b|\bSHS\b"),
    ("High School", r"\b(?:Junior )?High School\b(?! Teacher)"),
    ("Diploma", r"\bDiploma\b"),
    ("Associate", r"\bAssociate (?:Degree|in)\b"),
    ("Bachelor", r"\bBachelor(?:'s)?(?: Degree)?\b"),
    ("Master", r"\bMaster(?:'s)?(?: Degree)?\b"),
)  # fmt: skip

SHS_STRANDS = ("STEM", "ABM", "HUMSS", "GAS", "TVL", "ICT", "Arts and Design", "Sports")
SCHOOL_STREAMS = ("Commerce", "Science", "Arts", "Humanities", "PCM", "PCB", "PCMB")

INSTITUTION_WORDS = (
    "university", "college", "institute", "institution", "school", "academy", "vidyalaya",
    "vidyapeeth", "vidyapith", "mahavidyalaya", "polytechnic", "iit", "iim", "nit", "colegio",
    "universidad", "ateneo", "campus", "board", "cbse", "icse", "kendriya", "convent",
)  # fmt: skip

# Job titles common in BPO hiring (India and the Philippines) and the words that make a
# phrase a job title.
BPO_TITLES = (
    "customer care executive", "customer service executive", "customer service representative",
    "customer support executive", "customer support associate", "customer service associate",
    "customer service advisor", "customer care representative", "customer support representative",
    "call center agent", "call centre agent", "contact center agent", "csr",
    "process associate", "senior process associate", "process executive",
    "chat support associate", "chat support executive", "chat process associate",
    "email support associate", "non voice process associate", "technical support executive",
    "technical support representative", "technical support associate", "technical support engineer",
    "help desk analyst", "service desk analyst", "telecaller", "tele caller",
    "telesales executive", "telemarketing executive", "back office executive",
    "back office associate", "data entry operator", "data entry clerk", "data entry specialist",
    "mis executive", "team leader", "team lead", "quality analyst", "quality assurance analyst",
    "qa analyst", "sme", "subject matter expert", "trainer", "process trainer",
    "voice and accent trainer", "workforce analyst", "real time analyst", "operations manager",
    "collections agent", "kyc analyst", "claims associate", "virtual assistant",
    "content moderator", "transaction processing officer", "sales associate",
    "management trainee", "intern", "trainee",
)  # fmt: skip

TITLE_WORDS = frozenset(
    ("executive", "associate", "representative", "agent", "advisor", "adviser", "specialist",
     "analyst", "officer", "assistant", "manager", "lead", "leader", "supervisor", "operator",
     "clerk", "intern", "trainee", "engineer", "developer", "consultant", "coordinator",
     "trainer", "tutor", "teacher", "cashier", "crew", "staff", "moderator", "expert",
     "designer", "accountant", "administrator", "director", "head", "telecaller", "scientist",
     "architect", "programmer", "tester", "sme", "csr", "ambassador", "volunteer", "member",
     "president", "secretary", "treasurer", "captain", "student", "salesperson", "encoder",
     "receptionist", "processor", "reviewer", "auditor", "writer", "editor", "internship")
)  # fmt: skip

COMPANY_WORDS = frozenset(
    ("pvt", "private", "ltd", "limited", "llp", "inc", "corp", "corporation", "co",
     "company", "solutions", "services", "technologies", "technology", "systems", "global",
     "bpo", "outsourcing", "consulting", "group", "enterprises", "industries", "international",
     "llc", "gmbh", "plc", "bank", "telecom", "communications", "bpm", "ventures", "store",
     "mart", "foundation", "trust", "ngo", "club", "society", "association", "council")
)  # fmt: skip

LANGUAGES = (
    "English", "Hindi", "Marathi", "Tamil", "Telugu", "Kannada", "Malayalam", "Bengali",
    "Bangla", "Gujarati", "Punjabi", "Urdu", "Odia", "Oriya", "Assamese", "Konkani", "Sanskrit",
    "Kashmiri", "Sindhi", "Nepali", "Maithili", "Bhojpuri", "Tulu", "Manipuri", "Filipino",
    "Tagalog", "Cebuano", "Bisaya", "Binisaya", "Ilocano", "Ilokano", "Hiligaynon", "Ilonggo",
    "Waray", "Kapampangan", "Bikol", "Bicolano", "Pangasinan", "Chavacano", "Maranao",
    "Tausug", "Spanish", "French", "German", "Japanese", "Korean", "Mandarin", "Chinese",
    "Cantonese", "Arabic", "Portuguese", "Italian", "Russian", "Thai", "Vietnamese", "Malay",
    "Bahasa", "Indonesian", "Dutch",
)  # fmt: skip

FLUENCY_WORDS = (
    "native", "mother tongue", "first language", "fluent", "proficient", "professional",
    "full professional", "conversational", "intermediate", "basic", "elementary", "beginner",
    "advanced", "limited working", "bilingual", "read", "write", "speak", "working",
    "excellent", "good", "expert",
)  # fmt: skip

SKILL_LEVELS = ("beginner", "basic", "elementary", "intermediate", "advanced", "expert",
                "proficient", "fluent", "native", "good", "excellent")  # fmt: skip

CERT_ISSUERS = (
    "TESDA", "NASSCOM", "NSDC", "Coursera", "Google", "Microsoft", "HubSpot", "LinkedIn Learning",
    "Udemy", "Cisco", "CompTIA", "AXELOS", "PeopleCert", "IASSC", "NIIT", "Aptech",
    "British Council", "Cambridge", "IELTS", "edX", "Great Learning", "Simplilearn", "Amazon",
    "AWS", "Oracle", "Salesforce", "Zendesk", "Freshworks", "Tata", "Infosys", "Wipro",
    "Skill India", "SSC", "Sector Skill Council", "DICT", "Meta",
)  # fmt: skip

# Major Indian cities with their state; an alias maps a former or local name to the city.
INDIA_CITIES: dict[str, str] = {
    "Mumbai": "Maharashtra", "Navi Mumbai": "Maharashtra", "Thane": "Maharashtra",
    "Pune": "Maharashtra", "Nagpur": "Maharashtra", "Nashik": "Maharashtra",
    "Aurangabad": "Maharashtra", "Kolhapur": "Maharashtra", "Solapur": "Maharashtra",
    "New Delhi": "Delhi", "Delhi": "Delhi", "Noida": "Uttar Pradesh",
    "Greater Noida": "Uttar Pradesh", "Ghaziabad": "Uttar Pradesh", "Lucknow": "Uttar Pradesh",
    "Kanpur": "Uttar Pradesh", "Agra": "Uttar Pradesh", "Varanasi": "Uttar Pradesh",
    "Meerut": "Uttar Pradesh", "Prayagraj": "Uttar Pradesh", "Bareilly": "Uttar Pradesh",
    "Aligarh": "Uttar Pradesh", "Moradabad": "Uttar Pradesh", "Gurugram": "Haryana",
    "Faridabad": "Haryana", "Bengaluru": "Karnataka", "Mysuru": "Karnataka",
    "Mangaluru": "Karnataka", "Hubballi": "Karnataka", "Belagavi": "Karnataka",
    "Hyderabad": "Telangana", "Secunderabad": "Telangana", "Warangal": "Telangana",
    "Chennai": "Tamil Nadu", "Coimbatore": "Tamil Nadu", "Madurai": "Tamil Nadu",
    "Tiruchirappalli": "Tamil Nadu", "Salem": "Tamil Nadu", "Vellore": "Tamil Nadu",
    "Kolkata": "West Bengal", "Howrah": "West Bengal", "Siliguri": "West Bengal",
    "Durgapur": "West Bengal", "Ahmedabad": "Gujarat", "Surat": "Gujarat",
    "Vadodara": "Gujarat", "Rajkot": "Gujarat", "Gandhinagar": "Gujarat", "Jaipur": "Rajasthan",
    "Jodhpur": "Rajasthan", "Udaipur": "Rajasthan", "Kota": "Rajasthan", "Ajmer": "Rajasthan",
    "Indore": "Madhya Pradesh", "Bhopal": "Madhya Pradesh", "Jabalpur": "Madhya Pradesh",
    "Gwalior": "Madhya Pradesh", "Visakhapatnam": "Andhra Pradesh",
    "Vijayawada": "Andhra Pradesh", "Guntur": "Andhra Pradesh", "Tirupati": "Andhra Pradesh",
    "Nellore": "Andhra Pradesh", "Patna": "Bihar", "Ranchi": "Jharkhand",
    "Jamshedpur": "Jharkhand", "Dhanbad": "Jharkhand", "Ludhiana": "Punjab",
    "Amritsar": "Punjab", "Jalandhar": "Punjab", "Mohali": "Punjab", "Chandigarh": "Chandigarh",
    "Bhubaneswar": "Odisha", "Cuttack": "Odisha", "Raipur": "Chhattisgarh",
    "Guwahati": "Assam", "Kochi": "Kerala", "Thiruvananthapuram": "Kerala",
    "Kozhikode": "Kerala", "Thrissur": "Kerala", "Dehradun": "Uttarakhand",
    "Srinagar": "Jammu and Kashmir", "Jammu": "Jammu and Kashmir", "Shimla": "Himachal Pradesh",
    "Panaji": "Goa", "Puducherry": "Puducherry", "Imphal": "Manipur", "Shillong": "Meghalaya",
}  # fmt: skip
INDIA_CITY_ALIASES: dict[str, str] = {
    "Bangalore": "Bengaluru", "Gurgaon": "Gurugram", "Bombay": "Mumbai", "Madras": "Chennai",
    "Calcutta": "Kolkata", "Mysore": "Mysuru", "Trivandrum": "Thiruvananthapuram",
    "Cochin": "Kochi", "Ernakulam": "Kochi", "Mangalore": "Mangaluru",
    "Allahabad": "Prayagraj", "Vizag": "Visakhapatnam", "Baroda": "Vadodara",
    "Pondicherry": "Puducherry", "Hubli": "Hubballi", "Trichy": "Tiruchirappalli",
    "Belgaum": "Belagavi", "Calicut": "Kozhikode",
}  # fmt: skip
INDIA_STATES = (
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat",
    "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh",
    "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Punjab",
    "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura", "Uttar Pradesh",
    "Uttarakhand", "West Bengal", "Jammu and Kashmir", "Ladakh", "Puducherry", "Chandigarh",
    "Delhi",
)  # fmt: skip

# Major Philippine cities with their province (Metro Manila for the capital region).
PHILIPPINE_CITIES: dict[str, str] = {
    "Manila": "Metro Manila", "Quezon City": "Metro Manila", "Makati": "Metro Manila",
    "Taguig": "Metro Manila", "Pasig": "Metro Manila", "Mandaluyong": "Metro Manila",
    "Pasay": "Metro Manila", "Parañaque": "Metro Manila", "Las Piñas": "Metro Manila",
    "Muntinlupa": "Metro Manila", "Marikina": "Metro Manila", "Caloocan": "Metro Manila",
    "Valenzuela": "Metro Manila", "Malabon": "Metro Manila", "Navotas": "Metro Manila",
    "San Juan": "Metro Manila", "Cebu City": "Cebu", "Mandaue": "Cebu", "Lapu-Lapu": "Cebu",
    "Talisay": "Cebu", "Davao City": "Davao del Sur", "Iloilo City": "Iloilo",
    "Bacolod": "Negros Occidental", "Cagayan de Oro": "Misamis Oriental",
    "Zamboanga City": "Zamboanga del Sur", "General Santos": "South Cotabato",
    "Koronadal": "South Cotabato", "Baguio": "Benguet", "Angeles": "Pampanga",
    "San Fernando": "Pampanga", "Olongapo": "Zambales", "Dagupan": "Pangasinan",
    "Urdaneta": "Pangasinan", "Batangas City": "Batangas", "Lipa": "Batangas",
    "Lucena": "Quezon", "Calamba": "Laguna", "Santa Rosa": "Laguna", "Biñan": "Laguna",
    "San Pablo": "Laguna", "Antipolo": "Rizal", "Cainta": "Rizal", "Bacoor": "Cavite",
    "Dasmariñas": "Cavite", "Imus": "Cavite", "General Trias": "Cavite", "Tagaytay": "Cavite",
    "Malolos": "Bulacan", "Meycauayan": "Bulacan", "San Jose del Monte": "Bulacan",
    "Cabanatuan": "Nueva Ecija", "Tarlac City": "Tarlac", "Naga": "Camarines Sur",
    "Legazpi": "Albay", "Tacloban": "Leyte", "Ormoc": "Leyte", "Dumaguete": "Negros Oriental",
    "Tagbilaran": "Bohol", "Puerto Princesa": "Palawan", "Butuan": "Agusan del Norte",
    "Iligan": "Lanao del Norte", "Cotabato City": "Maguindanao", "Tagum": "Davao del Norte",
    "Roxas City": "Capiz", "Laoag": "Ilocos Norte", "Vigan": "Ilocos Sur",
    "Tuguegarao": "Cagayan", "Cauayan": "Isabela", "Kalibo": "Aklan",
    "Surigao City": "Surigao del Norte", "Dipolog": "Zamboanga del Norte",
    "Pagadian": "Zamboanga del Sur", "Malaybalay": "Bukidnon",
}  # fmt: skip
PHILIPPINE_CITY_ALIASES: dict[str, str] = {
    "QC": "Quezon City", "Paranaque": "Parañaque", "Las Pinas": "Las Piñas",
    "Binan": "Biñan", "Dasmarinas": "Dasmariñas", "Davao": "Davao City",
    "Lapu-Lapu City": "Lapu-Lapu", "Zamboanga": "Zamboanga City", "CDO": "Cagayan de Oro",
}  # fmt: skip
PHILIPPINE_PROVINCES = (
    "Metro Manila", "Cavite", "Laguna", "Batangas", "Rizal", "Quezon", "Bulacan", "Pampanga",
    "Tarlac", "Nueva Ecija", "Pangasinan", "Zambales", "Bataan", "Benguet", "Ilocos Norte",
    "Ilocos Sur", "La Union", "Cagayan", "Isabela", "Albay", "Camarines Sur", "Sorsogon",
    "Cebu", "Bohol", "Negros Occidental", "Negros Oriental", "Iloilo", "Capiz", "Aklan",
    "Antique", "Leyte", "Samar", "Palawan", "Oriental Mindoro", "Occidental Mindoro",
    "Davao del Sur", "Davao del Norte", "Davao de Oro", "Misamis Oriental",
    "Misamis Occidental", "Bukidnon", "Lanao del Norte", "Zamboanga del Sur",
    "Zamboanga del Norte", "South Cotabato", "Agusan del Norte", "Surigao del Norte",
    "Maguindanao", "Masbate", "Marinduque", "Romblon",
)  # fmt: skip
PHILIPPINE_REGION_ALIASES: dict[str, str] = {
    "NCR": "Metro Manila",
    "National Capital Region": "Metro Manila",
}
