"""Second development set for ``kg.claims`` accusations (scored by ``bench/cases.py --set dev2``).

Each case is ``(text, expected, note)``: a short French news text in the style of the press
(agency dispatches, dailies, sports and business papers), the set of expected
``(accuser, accused, status)`` triples, and a short note on what the case tests. Actors are
invented or generic. About a quarter of the texts are negative (no accusation with a named
accuser and a named accused) although they use the vocabulary of accusation.

Status: "asserted" for a plain statement, a charge, a complaint or a conviction; "alleged" for
a conditional, a suspicion, an inquiry or a presumption; "denied" when the accused denies the
accusation of a named accuser. When the accusation and the denial are in different sentences
both triples are expected; in one sentence only the denied one.
"""

from __future__ import annotations

CASES: list[tuple[str, set[tuple[str, str, str]], str]] = [
    # ------------------------------------------------------------------ politics, diplomacy
    (
        "Le ministre de l'Économie, Bruno Lefort, a accusé mardi le groupe Tessane d'avoir "
        "dissimulé des pertes à ses actionnaires.",
        {("Bruno Lefort", "Tessane", "asserted")},
        "accuser X d'avoir, apposition",
    ),
    (
        "Moscou a accusé Kyiv d'avoir saboté le gazoduc de la mer Noire. Kyiv a démenti toute implication.",
        {("Moscou", "Kyiv", "asserted"), ("Moscou", "Kyiv", "denied")},
        "capitals, denial in the next sentence",
    ),
    (
        "Pékin reproche à Washington de « militariser » le détroit de Taïwan, selon un "
        "communiqué du ministère chinois de la Défense.",
        {("Pékin", "Washington", "asserted")},
        "reprocher à X de, quoted word",
    ),
    (
        "La Maison-Blanche a fustigé jeudi l'attitude du Kremlin, qu'elle tient pour "
        "responsable de l'échec des négociations de Genève.",
        {("Maison-Blanche", "Kremlin", "asserted")},
        "fustiger + tenir pour responsable, relative pronoun",
    ),
    (
        "Le Kremlin a qualifié de « provocation » le déploiement de troupes annoncé par Varsovie "
        "à la frontière biélorusse.",
        {("Kremlin", "Varsovie", "asserted")},
        "qualifier de",
    ),
    (
        "La maire de Paris, Hélène Dubreuil, met en cause le préfet de police Michel Arnaud "
        "après les débordements survenus en marge de la manifestation.",
        {("Hélène Dubreuil", "Michel Arnaud", "asserted")},
        "mettre en cause",
    ),
    (
        "Le ministre de l'Intérieur, Gérald Marchetti, a pointé du doigt le collectif Terres "
        "Rebelles après les dégradations commises sur le chantier de l'autoroute A69.",
        {("Gérald Marchetti", "Terres Rebelles", "asserted")},
        "pointer du doigt",
    ),
    (
        "La sénatrice écologiste Nadia Berrada n'a pas mâché ses mots. « Le ministre Alain "
        "Delorme a menti aux parlementaires sur le coût du projet », a-t-elle affirmé.",
        {("Nadia Berrada", "Alain Delorme", "asserted")},
        "quote, inverted a-t-elle affirmé, pronoun",
    ),
    (
        "Le député LR Olivier Marchal estime que la ministre du Travail, Agnès Ribot, a "
        "« délibérément trompé » les partenaires sociaux.",
        {("Olivier Marchal", "Agnès Ribot", "asserted")},
        "reported speech with que",
    ),
    (
        "« Ce gouvernement a sacrifié l'hôpital public », a lancé le député Thomas Ravel, visant "
        "directement le ministre de la Santé, Éric Sorel.",
        {("Thomas Ravel", "Éric Sorel", "asserted")},
        "quote then visant X",
    ),
    (
        "La France et l'Allemagne accusent la Biélorussie d'instrumentaliser les migrants à ses frontières.",
        {("France", "Biélorussie", "asserted"), ("Allemagne", "Biélorussie", "asserted")},
        "coordinated accusers",
    ),
    (
        "Téhéran impute à Washington l'explosion survenue samedi dans le port de Bandar Abbas, "
        "qui a fait au moins douze morts.",
        {("Téhéran", "Washington", "asserted")},
        "imputer à X",
    ),
    (
        "Bamako attribue la responsabilité de l'attaque de Ségou au groupe jihadiste Katiba "
        "Sahel, selon un communiqué lu à la télévision d'État.",
        {("Bamako", "Katiba Sahel", "asserted")},
        "attribuer la responsabilité à",
    ),
    (
        "Washington a accusé mardi Pékin d'avoir piraté les messageries de plusieurs ministères. "
        "« Des accusations sans fondement », a rétorqué Pékin.",
        {("Washington", "Pékin", "asserted"), ("Washington", "Pékin", "denied")},
        "denial by quote in next sentence",
    ),
    (
        "Selon le Wall Street Journal, qui cite des sources diplomatiques, Pyongyang aurait livré "
        "des centaines de milliers d'obus à l'armée russe.",
        {("Wall Street Journal", "Pyongyang", "alleged")},
        "selon + conditional",
    ),
    (
        "Le ministre de l'Agriculture, Didier Royer, est sous le feu des critiques. La FNSEA lui "
        "reproche d'avoir abandonné les éleveurs face à l'épidémie.",
        {("FNSEA", "Didier Royer", "asserted")},
        "clitic lui referring back to the minister",
    ),
    (
        "Les eurodéputés Sven Larsen et Ana Ribeiro ont écrit à la Commission. Ils accusent le "
        "groupe chimique Dorvex de mentir sur la toxicité de son herbicide.",
        {("Sven Larsen", "Dorvex", "asserted"), ("Ana Ribeiro", "Dorvex", "asserted")},
        "ils = two coordinated people",
    ),
    # ------------------------------------------------------------------ justice
    (
        "Selon le parquet de Nanterre, Thierry Masson, ancien directeur financier de Solvia, "
        "aurait détourné près de 3 millions d'euros.",
        {("parquet de Nanterre", "Thierry Masson", "alleged")},
        "selon + aurait",
    ),
    (
        "La juge d'instruction Claire Hamon a mis en examen jeudi le PDG d'Orbitel, Stéphane "
        "Guérin, pour abus de biens sociaux.",
        {("Claire Hamon", "Stéphane Guérin", "asserted")},
        "mettre en examen",
    ),
    (
        "Le parquet fédéral belge a inculpé l'homme d'affaires Dirk Van Acker pour blanchiment "
        "d'argent et association de malfaiteurs.",
        {("parquet fédéral belge", "Dirk Van Acker", "asserted")},
        "inculper",
    ),
    (
        "Le tribunal correctionnel de Bobigny a condamné mardi la société de sécurité Gardex à "
        "200 000 euros d'amende pour travail dissimulé.",
        {("tribunal correctionnel de Bobigny", "Gardex", "asserted")},
        "condamner",
    ),
    (
        "L'opposant Alexeï Morozov a été condamné à dix-neuf ans de prison par un tribunal de "
        "Moscou pour « extrémisme ».",
        {("tribunal de Moscou", "Alexeï Morozov", "asserted")},
        "passive condamné par",
    ),
    (
        "Le parquet de Toulouse a requis cinq ans de prison ferme contre l'ancien maire de "
        "Saint-Aubin, Gérard Picot, jugé pour corruption passive.",
        {("parquet de Toulouse", "Gérard Picot", "asserted")},
        "requérir contre",
    ),
    (
        "Poursuivi par le parquet de Kingston pour trafic de produits dopants, le sprinteur "
        "Devon Clarke a plaidé non coupable jeudi.",
        # one sentence, two facts: the prosecution (asserted) and the plea (denied)
        {
            ("parquet de Kingston", "Devon Clarke", "asserted"),
            ("parquet de Kingston", "Devon Clarke", "denied"),
        },
        "participle poursuivi par + plaider non coupable",
    ),
    (
        "Soupçonnée par le parquet de Nice d'avoir perçu des pots-de-vin, l'ex-adjointe au maire "
        "Carole Benoît nie en bloc.",
        {("parquet de Nice", "Carole Benoît", "denied")},
        "participle soupçonnée par + nier",
    ),
    (
        "Le parquet de Lille a ouvert une information judiciaire contre le président du club de "
        "rugby de Roubaix, Fabien Duclos, auteur présumé de violences sur un joueur.",
        {("parquet de Lille", "Fabien Duclos", "alleged")},
        "information judiciaire contre, présumé",
    ),
    (
        "Au procès, l'ex-comptable Sylvie Ramos a chargé son ancien patron, Bernard Lacaze, "
        "affirmant qu'il lui avait ordonné de truquer les factures.",
        {("Sylvie Ramos", "Bernard Lacaze", "asserted")},
        "charger (a witness)",
    ),
    (
        "Accusé par son ancien associé Paul Renaud d'avoir falsifié les comptes, l'homme "
        "d'affaires Victor Lannes se dit « serein ».",
        {("Paul Renaud", "Victor Lannes", "asserted")},
        "fronted participle accusé par",
    ),
    (
        "Le commissaire européen Jan Kovač serait visé par une enquête de l'Office européen de "
        "lutte antifraude (Olaf) pour conflit d'intérêts.",
        {("Office européen de lutte antifraude", "Jan Kovač", "alleged")},
        "serait visé par une enquête de",
    ),
    # ------------------------------------------------------------------ business, media
    (
        "Bruxelles a infligé une amende de 400 millions d'euros au groupe de télécoms Vantel "
        "pour abus de position dominante.",
        {("Bruxelles", "Vantel", "asserted")},
        "infliger une amende",
    ),
    (
        "La Commission européenne a ouvert une enquête visant le constructeur automobile "
        "Hartmann, soupçonné d'avoir faussé les tests d'émissions.",
        {("Commission européenne", "Hartmann", "alleged")},
        "enquête visant, soupçonné",
    ),
    (
        "La CNIL a épinglé la plateforme de livraison Rapidéo pour la conservation excessive des "
        "données de ses livreurs.",
        {("CNIL", "Rapidéo", "asserted")},
        "épingler",
    ),
    (
        "Le groupe hôtelier Azurea a attaqué en justice l'agence de notation Finscope, qu'il "
        "accuse d'avoir dégradé sa note de façon abusive.",
        {("Azurea", "Finscope", "asserted")},
        "attaquer en justice + relative accuse",
    ),
    (
        "La FCA estime que la banque Harlow pourrait avoir manipulé les taux de change entre 2019 et 2021.",
        {("FCA", "Harlow", "alleged")},
        "estimer que + pourrait",
    ),
    (
        "Le groupe pharmaceutique Biolex est dans la tourmente. Selon le quotidien Le Parisien, "
        "la firme aurait caché des effets secondaires graves de son anticoagulant.",
        {("Le Parisien", "Biolex", "alleged")},
        "la firme referring back, selon + aurait",
    ),
    (
        "Le quotidien Libération révèle que le député Arnaud Vidal aurait employé fictivement son "
        "épouse comme assistante parlementaire.",
        {("Libération", "Arnaud Vidal", "alleged")},
        "révéler que + aurait",
    ),
    (
        "Le footballeur Karim Benali a assigné en justice le magazine Sport Hebdo, qu'il accuse "
        "de diffamation.",
        {("Karim Benali", "Sport Hebdo", "asserted")},
        "assigner en justice",
    ),
    (
        "La CGT-Énergie a déposé une plainte contre la direction d'Electra France pour entrave "
        "au droit syndical.",
        {("CGT-Énergie", "Electra France", "asserted")},
        "déposer une plainte contre",
    ),
    (
        "Visé par une plainte de l'association Animaux en Péril pour maltraitance, l'abattoir "
        "Gervin a été fermé par la préfecture de la Mayenne.",
        {("Animaux en Péril", "Gervin", "asserted")},
        "visé par une plainte de",
    ),
    (
        "Le FC Montval a déposé plainte contre l'agent de joueurs Rudy Pascal. Le club l'accuse "
        "d'avoir touché des commissions occultes sur plusieurs transferts.",
        {("FC Montval", "Rudy Pascal", "asserted")},
        "le club referring back, clitic l'",
    ),
    # ------------------------------------------------------------------ social, health, environment
    (
        "Le syndicat de pilotes SNPL accuse la compagnie Air Azur de mettre en danger la sécurité "
        "des vols. La direction de la compagnie rejette ces accusations.",
        {("SNPL", "Air Azur", "asserted"), ("SNPL", "Air Azur", "denied")},
        "denial by la compagnie in next sentence",
    ),
    (
        "Force ouvrière dénonce le « mépris » du groupe Castor Industries, accusé de préparer en "
        "secret la fermeture de la fonderie de Vierzon.",
        {("Force ouvrière", "Castor Industries", "asserted")},
        "dénoncer + participle accusé de",
    ),
    (
        "Le directeur de l'hôpital de Pontoise, Rémi Castagne, est accusé par le syndicat SUD "
        "Santé de harcèlement moral envers des infirmières.",
        {("SUD Santé", "Rémi Castagne", "asserted")},
        "passive accusé par",
    ),
    (
        "Le ministre brésilien de l'Environnement, Carlos Mendes, rejette les accusations de "
        "l'ONG Amazonia Viva, qui lui reproche d'avoir autorisé des forages illégaux.",
        # one sentence, two facts: the NGO's reproach (asserted) and the minister's rejection (denied)
        {("Amazonia Viva", "Carlos Mendes", "asserted"), ("Amazonia Viva", "Carlos Mendes", "denied")},
        "rejeter les accusations de X (same sentence)",
    ),
    (
        "L'entreprise de BTP Construlis nie toute malversation dans l'attribution du chantier du "
        "stade, contrairement à ce qu'affirme le conseiller municipal Yann Kerbrat.",
        {("Yann Kerbrat", "Construlis", "denied")},
        "nier, accuser in contrairement à ce qu'affirme",
    ),
    (
        "D'après l'ONG Forêts du Monde, le groupe agro-industriel Sarvest serait impliqué dans la "
        "déforestation illégale de 20 000 hectares en Amazonie.",
        {("Forêts du Monde", "Sarvest", "alleged")},
        "d'après + serait",
    ),
    (
        "L'ONG Vigie Climat publie mercredi un rapport accablant. Elle accuse le négociant "
        "Maravel d'avoir acheté du soja issu de terres déboisées.",
        {("Vigie Climat", "Maravel", "asserted")},
        "elle = l'ONG",
    ),
    (
        "L'association Justice pour Vernon tient la compagnie ferroviaire Railis pour "
        "responsable de l'accident qui a fait six morts en 2021.",
        {("Justice pour Vernon", "Railis", "asserted")},
        "tenir X pour responsable",
    ),
    (
        "L'ONG Pacifique Bleu incrimine les rejets de l'usine chimique Fosmar dans la mort de "
        "milliers de poissons dans l'étang de Berre.",
        {("Pacifique Bleu", "Fosmar", "asserted")},
        "incriminer les rejets de X",
    ),
    (
        "Le syndicat Unsa-Police accuse le préfet Jean-Luc Ferrand et le directeur de la sécurité "
        "publique, Pascal Aubry, d'avoir ignoré les alertes.",
        {("Unsa-Police", "Jean-Luc Ferrand", "asserted"), ("Unsa-Police", "Pascal Aubry", "asserted")},
        "coordinated accused",
    ),
    (
        "Le collectif Stop Pesticides a saisi la justice contre l'État, qu'il juge responsable de "
        "la pollution des nappes phréatiques en Bretagne.",
        {("Stop Pesticides", "État", "asserted")},
        "saisir la justice contre",
    ),
    (
        "La militante Inès Garnier accuse la mairie de Grasse d'avoir fermé les yeux sur les "
        "logements insalubres. Selon elle, la municipalité connaissait les risques depuis 2019.",
        {("Inès Garnier", "mairie de Grasse", "asserted")},
        "selon elle, la municipalité referring back",
    ),
    (
        "La direction d'Aéroports de Lyon accuse le syndicat de contrôleurs SNCTA de « prendre "
        "les passagers en otage ».",
        {("Aéroports de Lyon", "SNCTA", "asserted")},
        "social conflict, la direction de X",
    ),
    # ------------------------------------------------------------------ sport, doping
    (
        "L'Agence mondiale antidopage soupçonne la Fédération bulgare d'haltérophilie d'avoir "
        "couvert des contrôles positifs.",
        {("Agence mondiale antidopage", "Fédération bulgare d'haltérophilie", "alleged")},
        "soupçonner: alleged",
    ),
    (
        "La cycliste Emma Vasseur a été suspendue quatre ans par l'Agence française de lutte "
        "contre le dopage (AFLD), qui lui reproche trois manquements à ses obligations de "
        "localisation.",
        {("Agence française de lutte contre le dopage", "Emma Vasseur", "asserted")},
        "relative qui lui reproche",
    ),
    (
        "« Le club nous a menti depuis le début », a déclaré l'entraîneur Patrick Viala à propos "
        "de l'Olympique de Sérignan, qui l'a licencié lundi.",
        {("Patrick Viala", "Olympique de Sérignan", "asserted")},
        "quote, le club = later named club",
    ),
    (
        "Le milieu de terrain Mathieu Roche est suspecté d'avoir participé à des paris truqués, "
        "selon les enquêteurs de la police judiciaire de Marseille.",
        {("police judiciaire de Marseille", "Mathieu Roche", "alleged")},
        "suspecté + selon",
    ),
    (
        "Le coureur Julien Mercier, contrôlé positif à l'EPO, accuse son ancien médecin, le "
        "docteur Alain Favre, de lui avoir administré le produit à son insu.",
        {("Julien Mercier", "Alain Favre", "asserted")},
        "doping, appositions",
    ),
    (
        "L'équipe cycliste Norvak serait au cœur d'un vaste système de dopage, selon un "
        "documentaire de la chaîne allemande ARD. La formation néerlandaise a catégoriquement "
        "démenti.",
        {("ARD", "Norvak", "alleged"), ("ARD", "Norvak", "denied")},
        "serait + selon, denial by definite description",
    ),
    (
        "L'UEFA a ouvert une procédure disciplinaire contre le Dinamo Skopje après des chants "
        "racistes de ses supporters lors du match face à Ferencváros.",
        {("UEFA", "Dinamo Skopje", "alleged")},
        "procédure disciplinaire contre",
    ),
    # ------------------------------------------------------------------ negatives
    (
        "Le cabinet Moreau a accusé réception de la lettre envoyée par le groupe Tessier.",
        set(),
        "NEG accuser réception",
    ),
    (
        "Le gardien du FC Lorient s'est bien défendu lors du match contre l'AS Nancy, samedi.",
        set(),
        "NEG se défendre in sport",
    ),
    (
        "Le procès de l'ancien maire de Villeneuve, Paul Garnier, s'ouvrira en juin devant le "
        "tribunal correctionnel de Créteil.",
        set(),
        "NEG trial without accuser",
    ),
    (
        "La société Belvia a porté plainte lundi après un cambriolage dans son entrepôt de Rungis.",
        set(),
        "NEG complaint without target",
    ),
    (
        "Malgré des accusations passées, Rabat et Alger ont signé mardi un accord sur la gestion de l'eau.",
        set(),
        "NEG agreement despite past accusations",
    ),
    (
        "L'attaquant du Stade rennais Yanis Bakari a marqué deux fois contre l'OGC Nice, dimanche.",
        set(),
        "NEG sport attaquant contre",
    ),
    (
        "La Confédération paysanne dénonce la hausse des prix des engrais décidée par les fournisseurs.",
        set(),
        "NEG dénoncer a price rise, no actor",
    ),
    (
        "Faut-il accuser Bruxelles de la crise agricole ? La question divise les syndicats.",
        set(),
        "NEG question",
    ),
    (
        "Le syndicat Sud-Rail n'a pas l'intention de poursuivre la SNCF en justice, a assuré son "
        "secrétaire général.",
        set(),
        "NEG negated poursuivre",
    ),
    (
        "Jean Roux n'a jamais accusé la mairie de Toulon de favoritisme, a précisé son avocat.",
        set(),
        "NEG n'a jamais accusé",
    ),
    (
        "Le député Hugo Lenoir a dénoncé lundi le manque de moyens des hôpitaux publics, lors "
        "d'une visite avec la ministre de la Santé, Claire Vidal.",
        set(),
        "NEG dénoncer a situation with two actors",
    ),
    (
        "Le groupe Lumen a été blanchi par la cour d'appel de Paris, qui a annulé sa condamnation "
        "pour pratiques anticoncurrentielles.",
        set(),
        "NEG acquittal",
    ),
    (
        "Le film « J'accuse » de Tomas Lindqvist sera projeté au festival de Cannes en présence de "
        "la productrice Anne Corbin.",
        set(),
        "NEG film title",
    ),
    (
        "Le maire de Lille, Pierre Lemaire, a remercié la région pour son soutien et salué le "
        "travail des pompiers.",
        set(),
        "NEG praise",
    ),
    (
        "La Commission européenne pourrait ouvrir une enquête, mais aucune entreprise n'est visée "
        "à ce stade, a indiqué un porte-parole.",
        set(),
        "NEG inquiry with no target",
    ),
    (
        "Washington et Pékin ont convenu de reprendre le dialogue commercial, a annoncé la Maison-Blanche.",
        set(),
        "NEG diplomacy without accusation",
    ),
    (
        "L'association Transparence Citoyenne a porté plainte contre X pour favoritisme dans "
        "l'attribution d'un marché public à Béziers.",
        set(),
        "NEG plainte contre X (unknown person)",
    ),
    (
        "L'ancien trésorier du parti, Marc Olivier, a été mis en examen pour détournement de fonds publics.",
        set(),
        "NEG agentless mise en examen",
    ),
    (
        "Si l'enquête confirmait les faits, le Valmont FC pourrait porter plainte contre son "
        "ancien président.",
        set(),
        "NEG hypothetical complaint",
    ),
    (
        "Selon Météo-France, la tempête Ciarán a causé d'importants dégâts en Bretagne.",
        set(),
        "NEG selon with a storm as cause",
    ),
]
