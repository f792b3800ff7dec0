"""Held-out accusation cases, written apart from ``kg/claims.py`` and ``tests/claims_cases.py``.

Each case is ``(text, expected, note)``: a short French news-style text, the set of
``(accuser, accused, status)`` triples a careful reader finds in it, and a short note.
Status is ``asserted`` (plain statement, charge, conviction, complaint), ``alleged``
(conditional, suspicion, investigation) or ``denied`` (the accused denies the accuser's claim).
Negative texts expect the empty set. Run with ``python bench/cases.py``.
"""

from __future__ import annotations

Case = tuple[str, set[tuple[str, str, str]], str]

POSITIVE: list[Case] = [
    (
        "Le Parti socialiste accuse le ministre de l'Intérieur, Julien Marchetti, d'avoir menti "
        "devant l'Assemblée nationale.",
        {("Parti socialiste", "Julien Marchetti", "asserted")},
        "accuser de, apposition",
    ),
    (
        "Claire Dubreuil reproche à son ancien employeur, la société Tellarion, de l'avoir licenciée "
        "abusivement.",
        {("Claire Dubreuil", "Tellarion", "asserted")},
        "reprocher à",
    ),
    (
        "Le parquet de Nanterre soupçonne l'homme d'affaires Marc Lestrade d'avoir dissimulé plusieurs "
        "millions d'euros au fisc.",
        {("parquet de Nanterre", "Marc Lestrade", "alleged")},
        "soupçonner, parquet",
    ),
    (
        "L'ONG Transparence Active dénonce les pratiques de corruption du groupe minier Ostrak au Sahel.",
        {("Transparence Active", "Ostrak", "asserted")},
        "dénoncer les pratiques de",
    ),
    (
        "Le syndicat CGT met en cause la direction de Brenvil Logistique dans l'accident mortel survenu "
        "sur le site de Rouen.",
        {("CGT", "Brenvil Logistique", "asserted")},
        "mettre en cause",
    ),
    (
        "Le parquet national financier poursuit l'ancien maire de Sète, Bernard Vidalenc, pour "
        "détournement de fonds publics.",
        {("parquet national financier", "Bernard Vidalenc", "asserted")},
        "poursuivre pour",
    ),
    (
        "La société Lumenor a attaqué en justice son concurrent Dravex pour contrefaçon.",
        {("Lumenor", "Dravex", "asserted")},
        "attaquer en justice",
    ),
    (
        "L'association Vigilance Santé a porté plainte contre le laboratoire Heliomed pour tromperie "
        "aggravée.",
        {("Vigilance Santé", "Heliomed", "asserted")},
        "porter plainte contre",
    ),
    (
        "Le député Thomas Regnault est accusé par son ancienne collaboratrice, Léa Fontanel, de "
        "harcèlement moral.",
        {("Léa Fontanel", "Thomas Regnault", "asserted")},
        "passif accusé par",
    ),
    (
        "Mis en cause par la Cour des comptes pour sa gestion, le directeur de l'hôpital, Patrick Ombredane, "
        "a présenté sa démission.",
        {("Cour des comptes", "Patrick Ombredane", "asserted")},
        "participe mis en cause par",
    ),
    (
        "Selon le quotidien La Gazette du Nord, le maire de Lens, Hervé Castagnet, aurait favorisé une "
        "entreprise dirigée par son beau-frère.",
        {("La Gazette du Nord", "Hervé Castagnet", "alleged")},
        "selon X, Y aurait",
    ),
    (
        "D'après l'Agence mondiale antidopage, le cycliste Pieter van Loon aurait utilisé de l'EPO lors "
        "du Tour des Flandres.",
        {("Agence mondiale antidopage", "Pieter van Loon", "alleged")},
        "d'après X, conditionnel, dopage",
    ),
    (
        "Le ministre de l'Économie, Olivier Trassard, affirme que le groupe Varnet a fraudé le fisc "
        "pendant dix ans.",
        {("Olivier Trassard", "Varnet", "asserted")},
        "affirmer que Y a fraudé",
    ),
    (
        "Jean-Paul Ardouin assure que son ancien associé, Franck Delorme, a détourné les fonds de "
        "l'entreprise.",
        {("Jean-Paul Ardouin", "Franck Delorme", "asserted")},
        "assurer que Y a détourné",
    ),
    (
        "Le sénateur Alain Gobert était l'invité de la matinale mardi. « Rémi Caussade a menti aux "
        "Français sur le coût de la réforme », a-t-il déclaré.",
        {("Alain Gobert", "Rémi Caussade", "asserted")},
        "citation, a-t-il déclaré, personne nommée avant",
    ),
    (
        "« La société Korvane a sciemment pollué la rivière », a déclaré Martine Leclerc, présidente de "
        "l'association Eau Vive.",
        {("Martine Leclerc", "Korvane", "asserted")},
        "citation, a déclaré X",
    ),
    (
        "Le footballeur Kevin Mbala est visé par une enquête du parquet de Marseille pour violences "
        "conjugales.",
        {("parquet de Marseille", "Kevin Mbala", "alleged")},
        "visé par une enquête du parquet",
    ),
    (
        "L'ancien ministre Gérard Poulain a été mis en examen mardi pour corruption passive, a annoncé "
        "le parquet de Paris.",
        {("parquet de Paris", "Gérard Poulain", "asserted")},
        "mis en examen, annonce du parquet",
    ),
    (
        "L'ex-PDG de Soltrane, Michel Barjot, a été condamné par le tribunal correctionnel de Lyon à deux "
        "ans de prison pour abus de biens sociaux.",
        {("tribunal correctionnel de Lyon", "Michel Barjot", "asserted")},
        "condamné par le tribunal",
    ),
    (
        "Les accusations de Washington contre Pékin en matière d'espionnage industriel ont encore tendu "
        "les relations entre les deux pays.",
        {("Washington", "Pékin", "asserted")},
        "nom: les accusations de X contre Y, capitales",
    ),
    (
        "Le groupe Dalvane a publié un communiqué lundi. Le groupe accuse son ancien directeur financier, "
        "Yves Kerjean, d'avoir falsifié les comptes.",
        {("Dalvane", "Yves Kerjean", "asserted")},
        "reprise: le groupe",
    ),
    (
        "Hélène Vasseur, ministre de la Culture, était interrogée mardi à la radio. La ministre reproche "
        "à la chaîne Canal Neuf d'avoir diffusé de fausses informations.",
        {("Hélène Vasseur", "Canal Neuf", "asserted")},
        "reprise: la ministre",
    ),
    (
        "Nathalie Berthier a été entendue par les enquêteurs. Elle accuse le promoteur immobilier "
        "Serge Malaval de l'avoir escroquée.",
        {("Nathalie Berthier", "Serge Malaval", "asserted")},
        "pronom elle",
    ),
    (
        "Convoqué par la commission d'enquête, le médecin Thierry Lambert a pris la parole jeudi. Il accuse "
        "le directeur de l'agence régionale de santé, Bruno Castel, d'avoir ignoré les alertes.",
        {("Thierry Lambert", "Bruno Castel", "asserted")},
        "pronom il",
    ),
    (
        "Les Républicains et le Rassemblement national accusent le Premier ministre, François Delage, "
        "d'avoir dissimulé le rapport.",
        {
            ("Les Républicains", "François Delage", "asserted"),
            ("Rassemblement national", "François Delage", "asserted"),
        },
        "accusateurs coordonnés",
    ),
    (
        "Le parquet de Lille poursuit Damien Royer et Sébastien Huet pour escroquerie en bande organisée.",
        {
            ("parquet de Lille", "Damien Royer", "asserted"),
            ("parquet de Lille", "Sébastien Huet", "asserted"),
        },
        "accusés coordonnés",
    ),
    (
        "L'opposante Irina Volkova accuse le président Viktor Selenko d'avoir truqué l'élection. "
        "Viktor Selenko a démenti dans la soirée.",
        {
            ("Irina Volkova", "Viktor Selenko", "asserted"),
            ("Irina Volkova", "Viktor Selenko", "denied"),
        },
        "accusation puis démenti dans la phrase suivante",
    ),
    (
        "L'Olympique de Rivesaltes conteste les accusations de matchs truqués portées par la Ligue de "
        "football professionnel.",
        {("Ligue de football professionnel", "Olympique de Rivesaltes", "denied")},
        "contester les accusations portées par",
    ),
    (
        "Le sprinteur Andre Colby nie avoir pris des substances interdites, comme l'en accuse l'Agence "
        "mondiale antidopage.",
        {("Agence mondiale antidopage", "Andre Colby", "denied")},
        "nier, comme l'en accuse X",
    ),
    (
        "Accusé de fraude fiscale par le parquet de Bruxelles, l'homme d'affaires Luc Vermeulen a plaidé "
        "non coupable.",
        {("parquet de Bruxelles", "Luc Vermeulen", "denied")},
        "plaider non coupable, une phrase",
    ),
    (
        "Mis en cause par le journal Le Matin des Alpes, l'élu Pierre Gauthier rejette toute malversation.",
        {("Le Matin des Alpes", "Pierre Gauthier", "denied")},
        "rejeter après mise en cause",
    ),
    (
        "Paris accuse Moscou d'être derrière la cyberattaque qui a visé plusieurs hôpitaux français.",
        {("Paris", "Moscou", "asserted")},
        "capitales comme acteurs",
    ),
    (
        "Le ministère des Affaires étrangères a accusé l'Iran de détenir arbitrairement deux ressortissants "
        "français.",
        {("ministère des Affaires étrangères", "Iran", "asserted")},
        "diplomatie, ministère",
    ),
    (
        "L'hebdomadaire L'Écho de Brest révèle que le député Yannick Le Goff aurait employé fictivement "
        "sa compagne.",
        {("L'Écho de Brest", "Yannick Le Goff", "alleged")},
        "révéler que, conditionnel",
    ),
    (
        "Le joueur de tennis Matteo Rinaldi pourrait avoir participé à des paris truqués, selon l'Agence "
        "internationale pour l'intégrité du tennis.",
        {("Agence internationale pour l'intégrité du tennis", "Matteo Rinaldi", "alleged")},
        "pourrait, selon X en fin",
    ),
    (
        "Le président du club, Jacques Ferrand, a accusé l'arbitre Nicolas Brissac d'avoir été acheté.",
        {("Jacques Ferrand", "Nicolas Brissac", "asserted")},
        "sport, arbitre",
    ),
    (
        "La société Brightel est soupçonnée d'avoir espionné ses salariés, selon une enquête de la CNIL.",
        {("CNIL", "Brightel", "alleged")},
        "soupçonnée, selon une enquête de",
    ),
    (
        "Le ministre de l'Agriculture, Denis Pujol, s'est exprimé devant la presse. « La centrale d'achat "
        "Distrimax a imposé des prix illégaux aux éleveurs », a-t-il ajouté.",
        {("Denis Pujol", "Distrimax", "asserted")},
        "citation, a-t-il ajouté",
    ),
    (
        "Le parquet de Nice a ouvert une enquête préliminaire visant l'AS Beaulieu pour fraude aux "
        "transferts.",
        {("parquet de Nice", "AS Beaulieu", "alleged")},
        "enquête visant",
    ),
    (
        "La plainte de l'ancienne gymnaste Chloé Marin contre son entraîneur, Bruno Ledoux, a été jugée "
        "recevable.",
        {("Chloé Marin", "Bruno Ledoux", "asserted")},
        "nom: la plainte de X contre Y",
    ),
    (
        "L'ancien champion olympique Yohan Delmas, soupçonné de dopage par l'Agence française de lutte "
        "contre le dopage, s'est retiré de la compétition.",
        {("Agence française de lutte contre le dopage", "Yohan Delmas", "alleged")},
        "participe incise soupçonné par",
    ),
    (
        "Selon le parquet de Metz, Jordan Weber est l'auteur présumé de l'incendie de la mairie.",
        {("parquet de Metz", "Jordan Weber", "alleged")},
        "auteur présumé",
    ),
    (
        "Ses deux adjoints, Marion Leduc et Hugo Besson, sont également soupçonnés par le parquet de Rennes "
        "de prise illégale d'intérêts.",
        {
            ("parquet de Rennes", "Marion Leduc", "alleged"),
            ("parquet de Rennes", "Hugo Besson", "alleged"),
        },
        "passif, accusés coordonnés",
    ),
    (
        "L'avocate Sophie Merlin estime que le groupe hôtelier Belcastel a violé le droit du travail en "
        "licenciant ses employés grévistes.",
        {("Sophie Merlin", "Belcastel", "asserted")},
        "estimer que Y a violé",
    ),
    (
        "Le groupe de distribution Ostrand dément les accusations de travail dissimulé formulées par "
        "l'inspection du travail de Lille et par le syndicat Unsa Commerce.",
        {
            ("inspection du travail de Lille", "Ostrand", "denied"),
            ("Unsa Commerce", "Ostrand", "denied"),
        },
        "démenti, accusateurs coordonnés",
    ),
]

NEGATIVE: list[Case] = [
    (
        "Le président du Sénat, Louis Berthelot, n'a jamais accusé la ministre Claire Ozanne de corruption.",
        set(),
        "négation n'a jamais accusé",
    ),
    (
        "Le sélectionneur Didier Lambert a refusé d'accuser l'arbitre Paul Genet d'avoir favorisé "
        "l'adversaire.",
        set(),
        "refus d'accuser",
    ),
    (
        "Le cabinet du ministre Hugo Lemaire a accusé réception de la lettre envoyée par l'association "
        "Droit au Logement.",
        set(),
        "accuser réception",
    ),
    (
        "Le coureur Benoît Carrel évoque les accusations de dopage qui ont secoué le cyclisme dans les "
        "années 1990.",
        set(),
        "évoquer les accusations, sans accusé",
    ),
    (
        "Le Premier ministre, Arnaud Lefort, a rencontré le président de la région, Michel Tessier, pour "
        "discuter des accusations de fraude qui visent les élus locaux.",
        set(),
        "rencontre pour discuter des accusations",
    ),
    (
        "La ministre des Sports, Valérie Guérin, a félicité le nageur Lucas Ferré pour sa médaille d'or.",
        set(),
        "éloge",
    ),
    (
        "Le Racing Club de Vernon s'est imposé 2-0 face à l'US Dreux samedi soir.",
        set(),
        "résultat sportif",
    ),
    (
        "Le Belge Tom Verhaegen a attaqué dans la dernière montée, distançant le Français Louis Garnier.",
        set(),
        "attaque cycliste",
    ),
    (
        "Les troupes françaises ont attaqué une base jihadiste dans le nord du Mali, a annoncé l'état-major.",
        set(),
        "attaque militaire",
    ),
    (
        "Le maire de Tours, Alain Breton, va-t-il accuser la préfecture d'Indre-et-Loire de négligence ?",
        set(),
        "question",
    ),
    (
        "Si la Commission européenne accusait le groupe Orvane d'entente illicite, l'entreprise perdrait "
        "ses subventions.",
        set(),
        "hypothèse si",
    ),
    (
        "Le journaliste Marc Durand a interviewé l'ancien ministre Paul Leroy sur son parcours politique.",
        set(),
        "interview neutre",
    ),
    (
        "La chanteuse Inès Morel dénonce le harcèlement en ligne dont sont victimes les femmes.",
        set(),
        "dénoncer sans accusé",
    ),
    (
        "Le syndicat Sud Rail a appelé à la grève contre la réforme portée par la ministre des Transports, "
        "Carole Jamet.",
        set(),
        "opposition politique, pas d'accusation",
    ),
    (
        "L'avocat de Jean Morin a dénoncé les conditions de détention de son client.",
        set(),
        "dénoncer, client victime",
    ),
    (
        "Les négociations entre Paris et Berlin sur le budget européen se poursuivent à Bruxelles.",
        set(),
        "diplomatie neutre",
    ),
    (
        "L'attaquant du FC Vallon, Ibrahim Koné, a inscrit un doublé contre le Stade lavallois.",
        set(),
        "attaquant, contre sportif",
    ),
    (
        "Le président de la région, Marc Delorme, a démenti toute intention de se présenter à l'élection.",
        set(),
        "démentir sans accusation",
    ),
    (
        "Le tribunal administratif de Nantes a validé le projet d'aéroport porté par la région Pays de "
        "la Loire.",
        set(),
        "décision de justice neutre",
    ),
    (
        "Aucune accusation n'a été portée contre l'entraîneur Michel Roux, a précisé le parquet de Lyon.",
        set(),
        "aucune accusation",
    ),
    (
        "Le parquet de Nantes a renoncé à poursuivre l'homme d'affaires Gilles Fabre.",
        set(),
        "renoncer à poursuivre",
    ),
    (
        "Le romancier Thomas Giraud publie « J'accuse », un essai consacré à l'affaire Dreyfus.",
        set(),
        "titre J'accuse",
    ),
    (
        "Le candidat écologiste Paul Ravier a accusé le coup après sa défaite face à Sandrine Lemoine au "
        "premier tour.",
        set(),
        "accuser le coup",
    ),
    (
        "Les chiffres du chômage accusent une hausse de 2 % au troisième trimestre, selon l'Insee.",
        set(),
        "accuser une hausse",
    ),
    (
        "La Banque de France ne soupçonne aucune irrégularité dans les comptes du Crédit régional de "
        "l'Ouest.",
        set(),
        "ne soupçonne aucune",
    ),
]

CASES: list[Case] = POSITIVE + NEGATIVE
