"""Third development set for ``kg.claims`` accusations: multi-sentence French news paragraphs.

Each case is ``(text, expected, note)`` where ``expected`` is the set of
``(accuser, accused, status)`` triples, ``status`` being ``asserted``, ``alleged`` or ``denied``.
All actors are invented or generic. About a fifth of the texts are negative (no accusation
between named actors).
"""

from __future__ import annotations

CASES: list[tuple[str, set[tuple[str, str, str]], str]] = [
    # --- politics -------------------------------------------------------------------------
    (
        "Le député Julien Marchetti a accusé mardi le maire de Saint-Aubin, Pierre Lavergne, "
        "d'avoir favorisé une entreprise amie lors de l'attribution d'un marché public. "
        "« Il a truqué l'appel d'offres, tout le monde le sait », a-t-il affirmé devant la presse. "
        "Contacté par Ouest-France, le maire dément fermement toute irrégularité.",
        {
            ("Julien Marchetti", "Pierre Lavergne", "asserted"),
            ("Julien Marchetti", "Pierre Lavergne", "denied"),
        },
        "depute accuse maire, dementi par le role",
    ),
    (
        "Sophie Bertrand, conseillère régionale écologiste, ne décolère pas. Elle accuse le "
        "président de région, Hervé Castaing, d'avoir détourné des fonds destinés à la rénovation "
        "des lycées. Selon elle, plus de deux millions d'euros ont été réaffectés à des frais de "
        "communication.",
        {("Sophie Bertrand", "Hervé Castaing", "asserted")},
        "accusatrice reprise par elle",
    ),
    (
        "« Ce gouvernement ment aux Français depuis des mois sur l'état des finances publiques. "
        "Le ministre de l'Économie, Paul Renaudin, a caché l'ampleur du déficit », a lancé dimanche "
        "Claire Vasseur, présidente du groupe d'opposition. Elle réclame la création d'une "
        "commission d'enquête parlementaire.",
        {("Claire Vasseur", "Paul Renaudin", "asserted")},
        "citation sur deux phrases, attribution apres",
    ),
    (
        "Lors d'un débat houleux à l'Assemblée, la députée Mathilde Roussel a accusé le ministre "
        "de la Santé, Étienne Berthier, d'avoir menti sur les pénuries de médicaments. Le ministre "
        "lui a reproché en retour d'« instrumentaliser la détresse des patients ». La séance a dû "
        "être suspendue pendant vingt minutes.",
        {
            ("Mathilde Roussel", "Étienne Berthier", "asserted"),
            ("Étienne Berthier", "Mathilde Roussel", "asserted"),
        },
        "accusations croisees deputee ministre",
    ),
    (
        "La sénatrice écologiste Léa Santini a saisi la Haute Autorité pour la transparence de la "
        "vie publique. Elle accuse le ministre délégué aux Transports, Gilles Ferracci, d'avoir omis "
        "de déclarer des parts dans une société d'autoroutes. L'entourage du ministre dément toute "
        "dissimulation.",
        {
            ("Léa Santini", "Gilles Ferracci", "asserted"),
            ("Léa Santini", "Gilles Ferracci", "denied"),
        },
        "senatrice saisit HATVP, entourage dement",
    ),
    (
        "L'ancien trésorier du parti Renouveau, Alain Beaujour, n'a pas digéré son éviction. Dans "
        "un courrier adressé aux militants, il accuse la secrétaire générale, Véronique Lemoine, de "
        "l'avoir écarté pour masquer des irrégularités comptables. Celle-ci l'accuse en retour "
        "d'avoir lui-même puisé dans les caisses du parti.",
        {
            ("Alain Beaujour", "Véronique Lemoine", "asserted"),
            ("Véronique Lemoine", "Alain Beaujour", "asserted"),
        },
        "tresorier et secretaire generale, celle-ci l'accuse",
    ),
    (
        "Le principal opposant du pays, Ousmane Kanté, a accusé dimanche le président Alpha "
        "Diakité de vouloir modifier la Constitution pour briguer un troisième mandat. « Il prépare "
        "un coup d'État constitutionnel », a-t-il déclaré devant des milliers de partisans réunis "
        "dans la capitale. La présidence n'a pas réagi dans l'immédiat.",
        {("Ousmane Kanté", "Alpha Diakité", "asserted")},
        "opposant accuse president de troisieme mandat",
    ),
    (
        "Le conseiller d'opposition Samuel Ortiz soupçonne le maire de Villefranche, Hubert "
        "Lagarde, d'avoir fait embaucher trois membres de sa famille à la mairie. Il a saisi la "
        "chambre régionale des comptes. « Ces recrutements ont été faits dans les règles », "
        "rétorque l'édile.",
        {
            ("Samuel Ortiz", "Hubert Lagarde", "alleged"),
            ("Samuel Ortiz", "Hubert Lagarde", "denied"),
        },
        "soupconne, l'edile retorque",
    ),
    (
        "D'après une enquête du site d'information Le Crible publiée mercredi, le député Fabien "
        "Morel aurait employé fictivement son épouse comme assistante parlementaire pendant six ans. "
        "Le parquet national financier a ouvert une enquête préliminaire visant l'élu pour "
        "détournement de fonds publics. Fabien Morel dénonce « une cabale politique » et assure que "
        "son épouse a réellement travaillé.",
        {
            ("Le Crible", "Fabien Morel", "alleged"),
            ("Le Crible", "Fabien Morel", "denied"),
            ("parquet national financier", "Fabien Morel", "alleged"),
            ("parquet national financier", "Fabien Morel", "denied"),
        },
        "enquete de presse puis PNF visant l'elu, dementi",
    ),
    (
        "Le ministre de l'Intérieur, François Lambert, a présenté mercredi en Conseil des ministres "
        "son projet de loi sur la sécurité routière. Le texte prévoit notamment un durcissement des "
        "sanctions pour les conducteurs sous l'emprise de stupéfiants. Il sera examiné par "
        "l'Assemblée nationale en juin.",
        set(),
        "negatif: projet de loi",
    ),
    (
        "Le conseiller municipal Thierry Navarro accuse son collègue Benoît Garcin d'avoir fait "
        "pression sur des agents pour obtenir des logements sociaux pour ses proches. Navarro a "
        "transmis un signalement au procureur de la République. Garcin n'a pas souhaité commenter.",
        {("Thierry Navarro", "Benoît Garcin", "asserted")},
        "conseillers municipaux, noms seuls ensuite",
    ),
    (
        "Trois ans après les accusations de corruption qui avaient visé l'ancien président du "
        "conseil départemental, Jean-Marc Picard, la justice a prononcé un non-lieu. L'intéressé "
        "s'est dit « soulagé » et entend désormais se consacrer à sa famille.",
        set(),
        "negatif: rappel d'anciennes accusations, non-lieu",
    ),
    # --- justice --------------------------------------------------------------------------
    (
        "Le parquet de Nanterre a ouvert une enquête préliminaire visant l'homme d'affaires Gérard "
        "Maillot, soupçonné de fraude fiscale. Selon une source proche du dossier, il aurait "
        "dissimulé plusieurs millions d'euros au Luxembourg. Son avocat dénonce « un acharnement "
        "médiatique ».",
        {
            ("parquet de Nanterre", "Gérard Maillot", "alleged"),
            ("parquet de Nanterre", "Gérard Maillot", "denied"),
        },
        "enquete du parquet, avocat denonce acharnement",
    ),
    (
        "Le procureur de la République de Marseille, Olivier Tessier, a requis cinq ans de prison "
        "contre Yanis Ferrand. Il lui reproche d'avoir organisé un trafic de stupéfiants dans les "
        "quartiers nord de la ville. L'avocat du prévenu a plaidé la relaxe, estimant que son client "
        "n'avait « jamais touché à la drogue ».",
        {
            ("Olivier Tessier", "Yanis Ferrand", "asserted"),
            ("Olivier Tessier", "Yanis Ferrand", "denied"),
        },
        "requisitoire, il lui reproche, avocat plaide",
    ),
    (
        "Le procès de l'ancien maire de Villeneuve-sur-Lot, Bernard Coste, s'ouvrira le 14 mars "
        "devant le tribunal correctionnel d'Agen. L'audience doit durer trois jours, a précisé le "
        "greffe. Une quarantaine de témoins sont attendus à la barre.",
        set(),
        "negatif: calendrier d'un proces",
    ),
    (
        "« Jérôme Clavel a menti à ses actionnaires. Il savait depuis le mois de mars que les "
        "comptes étaient faux », a poursuivi Me Nadia Brahimi, l'avocate des petits porteurs. "
        "L'ancien PDG de Finexa a toujours nié avoir eu connaissance des irrégularités.",
        {
            ("Nadia Brahimi", "Jérôme Clavel", "asserted"),
            ("Nadia Brahimi", "Jérôme Clavel", "denied"),
        },
        "plaidoirie citee, a-t-elle poursuivi",
    ),
    (
        "Le tribunal correctionnel de Bordeaux a condamné jeudi l'ancien directeur de l'office HLM "
        "de Gironde, Serge Pujol, à deux ans de prison avec sursis pour favoritisme. Il lui est "
        "reproché d'avoir attribué des marchés à une entreprise dirigée par son beau-frère. Pujol, "
        "qui a toujours clamé son innocence, a annoncé qu'il ferait appel.",
        {
            ("tribunal correctionnel de Bordeaux", "Serge Pujol", "asserted"),
            ("tribunal correctionnel de Bordeaux", "Serge Pujol", "denied"),
        },
        "condamnation, clame son innocence",
    ),
    (
        "Une enquête a été ouverte par le parquet de Lille après la plainte d'une ancienne "
        "stagiaire contre l'humoriste Kevin Lemaire. Celui-ci est soupçonné d'agression sexuelle "
        "lors d'un festival en 2022. Contacté par l'AFP, son agent affirme qu'il « conteste "
        "formellement les faits ».",
        {
            ("parquet de Lille", "Kevin Lemaire", "alleged"),
            ("parquet de Lille", "Kevin Lemaire", "denied"),
        },
        "plaignante anonyme, parquet, celui-ci soupconne",
    ),
    (
        "L'ancien directeur de cabinet du préfet de Corse, Laurent Sanna, a été mis en examen pour "
        "corruption passive par la juge d'instruction Marie Colonna, d'après une source proche du "
        "dossier. Les faits porteraient sur des pots-de-vin perçus en échange de permis de "
        "construire. Son avocat, Me François Albertini, dénonce un « acharnement ».",
        {
            ("Marie Colonna", "Laurent Sanna", "asserted"),
            ("Marie Colonna", "Laurent Sanna", "denied"),
        },
        "mis en examen par la juge, avocat denonce",
    ),
    (
        "La juge d'instruction Sandrine Orsini a ordonné le renvoi devant le tribunal correctionnel "
        "de l'ancien président du club de rugby de Bourgoin, Patrick Tardy. La juge estime qu'il a "
        "présenté des comptes inexacts pendant quatre saisons. Tardy, qui a toujours nié, n'a pas "
        "souhaité réagir.",
        {
            ("Sandrine Orsini", "Patrick Tardy", "asserted"),
            ("Sandrine Orsini", "Patrick Tardy", "denied"),
        },
        "la juge estime, qui a toujours nie",
    ),
    (
        "Le parquet de Toulouse a requis mercredi dix-huit mois de prison avec sursis contre "
        "l'ancienne adjointe au maire Corinne Baylet, jugée pour prise illégale d'intérêts. Selon "
        "l'accusation, l'élue a attribué des subventions à une association présidée par sa fille. "
        "Corinne Baylet conteste les faits et a plaidé sa bonne foi.",
        {
            ("parquet de Toulouse", "Corinne Baylet", "asserted"),
            ("parquet de Toulouse", "Corinne Baylet", "denied"),
        },
        "requisitions, selon l'accusation, l'elue",
    ),
    (
        "Le procès en appel de l'ex-PDG de Soltrans, Didier Vannier, a été renvoyé au mois de "
        "septembre à la demande de la défense. La cour d'appel de Douai a accepté ce report en "
        "raison de l'état de santé du prévenu. En première instance, il avait été relaxé.",
        set(),
        "negatif: renvoi d'un proces en appel",
    ),
    (
        "Le footballeur Jordan Kalou, accusé de violences conjugales par son ex-compagne, Sarah "
        "Meunier, a été placé en garde à vue lundi. Selon son avocat, Me Pascal Hervé, le joueur "
        "« nie catégoriquement » les faits. Son club, l'AS Montrichard, a annoncé sa mise à pied à "
        "titre conservatoire.",
        {
            ("Sarah Meunier", "Jordan Kalou", "asserted"),
            ("Sarah Meunier", "Jordan Kalou", "denied"),
        },
        "passif accuse par, selon son avocat nie",
    ),
    (
        "Une ancienne employée du restaurant étoilé Le Clos Fleuri, Laura Vidal, accuse le chef "
        "Stéphane Rigaud de l'avoir giflée en cuisine en plein service. Elle a déposé une main "
        "courante au commissariat du 8e arrondissement. Contacté par Le Parisien, Stéphane Rigaud "
        "dément « formellement » tout geste violent.",
        {
            ("Laura Vidal", "Stéphane Rigaud", "asserted"),
            ("Laura Vidal", "Stéphane Rigaud", "denied"),
        },
        "employee accuse chef, contacte par Le Parisien dement",
    ),
    (
        "Selon le parquet de Bobigny, un réseau de fraude aux aides publiques a été démantelé en "
        "Seine-Saint-Denis. Son chef présumé, Samir Haddad, un entrepreneur de 42 ans, aurait "
        "détourné plus de 800 000 euros de primes à la rénovation énergétique. Il a été présenté à "
        "un juge d'instruction vendredi.",
        {("parquet de Bobigny", "Samir Haddad", "alleged")},
        "chef presume, aurait detourne",
    ),
    (
        "Le fondateur de la start-up Cryptalis, Victor Nandrin, a été interpellé à Dubaï à la "
        "demande de la justice française. Le parquet de Paris l'accuse d'avoir orchestré une "
        "escroquerie aux cryptomonnaies ayant fait plus de 3 000 victimes. Ses avocats assurent "
        "qu'il est innocent.",
        {
            ("parquet de Paris", "Victor Nandrin", "asserted"),
            ("parquet de Paris", "Victor Nandrin", "denied"),
        },
        "interpellation, le parquet l'accuse",
    ),
    (
        "« Je n'accuse personne, mais je veux comprendre », a déclaré Nadia Benali, la mère de la "
        "victime, au lendemain de l'accident survenu sur le chantier de la société Batirex. Une "
        "enquête a été ouverte par le parquet de Meaux pour homicide involontaire. L'entreprise "
        "s'est dite « bouleversée ».",
        set(),
        "negatif: je n'accuse personne, enquete sans mis en cause",
    ),
    (
        "Le syndicat indépendant des policiers de l'Ouest (SIPO) affirme que le commissaire Yves "
        "Perrot aurait falsifié des statistiques de la délinquance à Angers. L'inspection générale "
        "de la police nationale a été saisie. Le commissaire n'a pas souhaité s'exprimer.",
        {("SIPO", "Yves Perrot", "alleged")},
        "syndicat affirme que aurait falsifie",
    ),
    # --- business -------------------------------------------------------------------------
    (
        "Le syndicat CGT de l'usine Metalvia de Montbéliard accuse la direction de Metalvia de "
        "préparer en secret la fermeture du site. Dans un communiqué, il reproche aussi au préfet "
        "du Doubs, Alain Mercier, d'avoir « fermé les yeux » sur les suppressions de postes. La "
        "direction n'a pas souhaité réagir.",
        {("CGT", "Metalvia", "asserted"), ("CGT", "Alain Mercier", "asserted")},
        "syndicat accuse direction puis prefet",
    ),
    (
        "La Commission nationale de l'informatique et des libertés (CNIL) a infligé mardi une "
        "amende de 5 millions d'euros à la start-up lyonnaise Datalink. Le régulateur lui reproche "
        "d'avoir collecté les données de ses utilisateurs sans leur consentement. L'entreprise a "
        "annoncé son intention de faire appel, estimant n'avoir « commis aucune faute ».",
        {("CNIL", "Datalink", "asserted"), ("CNIL", "Datalink", "denied")},
        "amende CNIL, le regulateur lui reproche",
    ),
    (
        "Selon une enquête publiée jeudi par Le Monde, le groupe pharmaceutique Helvion aurait "
        "dissimulé les effets secondaires d'un de ses anticoagulants. L'ONG Santé Transparence "
        "accuse la firme d'avoir « sciemment mis en danger » des milliers de patients. Helvion n'a "
        "pas répondu à nos sollicitations.",
        {("Le Monde", "Helvion", "alleged"), ("Santé Transparence", "Helvion", "asserted")},
        "enquete de presse puis ONG accuse la firme",
    ),
    (
        "L'Autorité de la concurrence pourrait sanctionner le distributeur Promodis pour entente "
        "sur les prix, selon une source proche du dossier. L'enquête porte sur des hausses "
        "concertées avec deux concurrents entre 2019 et 2022. Promodis assure avoir toujours "
        "respecté le droit de la concurrence.",
        {
            ("Autorité de la concurrence", "Promodis", "alleged"),
            ("Autorité de la concurrence", "Promodis", "denied"),
        },
        "pourrait sanctionner, Promodis assure",
    ),
    (
        "Les négociations entre le constructeur Autonova et les syndicats ont repris jeudi à "
        "Sochaux. La direction propose une hausse des salaires de 3 %, jugée insuffisante par Force "
        "ouvrière. Une nouvelle réunion est prévue la semaine prochaine.",
        set(),
        "negatif: negociation salariale",
    ),
    (
        "Le livreur Moussa Diallo accuse la société de livraison Rapidelo de l'avoir fait "
        "travailler pendant deux ans sans contrat ni protection sociale. Il a saisi le conseil de "
        "prud'hommes de Paris en mars. Selon lui, une vingtaine d'autres coursiers seraient dans la "
        "même situation.",
        {("Moussa Diallo", "Rapidelo", "asserted")},
        "livreur accuse plateforme",
    ),
    (
        "« Les laboratoires Orvane nous ont caché les risques pendant des années. Ils savaient », a "
        "expliqué à l'AFP Martine Collet, présidente de l'Association des victimes du Medixol. Le "
        "groupe affirme de son côté avoir « toujours informé les autorités sanitaires ».",
        {("Martine Collet", "Orvane", "asserted"), ("Martine Collet", "Orvane", "denied")},
        "a explique a l'AFP, le groupe affirme",
    ),
    (
        "Une ancienne cadre du laboratoire Biorelle, Agnès Fournier, affirme que l'entreprise "
        "aurait falsifié les résultats d'un essai clinique. Elle a remis des documents internes aux "
        "enquêteurs de l'Agence nationale de sécurité du médicament. Le laboratoire conteste "
        "fermement ces allégations.",
        {("Agnès Fournier", "Biorelle", "alleged"), ("Agnès Fournier", "Biorelle", "denied")},
        "lanceuse d'alerte, conditionnel, le laboratoire conteste",
    ),
    (
        "Le géant du transport Translinéa accuse son concurrent Voyalis d'avoir débauché "
        "illégalement une vingtaine de ses ingénieurs et d'avoir copié son logiciel de billetterie. "
        "La firme réclame 50 millions d'euros de dommages et intérêts devant le tribunal de "
        "commerce de Paris. Voyalis juge la procédure « sans fondement ».",
        {("Translinéa", "Voyalis", "asserted"), ("Translinéa", "Voyalis", "denied")},
        "concurrents, la firme reclame",
    ),
    (
        "La start-up nantaise Lumenia a levé 20 millions d'euros auprès de plusieurs fonds "
        "d'investissement. Sa fondatrice, Camille Texier, veut recruter 80 ingénieurs d'ici 2026. "
        "« Nous voulons devenir le leader européen de l'éclairage intelligent », a-t-elle expliqué.",
        set(),
        "negatif: levee de fonds",
    ),
    (
        "Deux anciennes salariées de la maison de couture Vareille ont porté plainte contre son "
        "directeur artistique, Lucien Armand, pour harcèlement sexuel. L'une d'elles, Inès Caradec, "
        "affirme qu'il lui envoyait des messages à caractère sexuel la nuit. Lucien Armand, par la "
        "voix de son avocate, conteste « avec la plus grande fermeté » ces accusations.",
        {("Inès Caradec", "Lucien Armand", "asserted"), ("Inès Caradec", "Lucien Armand", "denied")},
        "plaignantes dont une nommee, conteste",
    ),
    # --- sport and doping -----------------------------------------------------------------
    (
        "Le cycliste belge Tom Verhaegen a été contrôlé positif à l'EPO lors du Tour de Wallonie, a "
        "annoncé mercredi l'Union cycliste internationale (UCI). L'instance l'accuse d'avoir "
        "utilisé une substance interdite et l'a suspendu provisoirement. Le coureur conteste "
        "fermement ces résultats et réclame l'analyse de l'échantillon B.",
        {
            ("Union cycliste internationale", "Tom Verhaegen", "asserted"),
            ("Union cycliste internationale", "Tom Verhaegen", "denied"),
        },
        "controle positif, l'instance l'accuse, le coureur conteste",
    ),
    (
        "L'Agence française de lutte contre le dopage (AFLD) a suspendu pour quatre ans la "
        "marathonienne Julie Pastor, contrôlée positive à la testostérone. L'athlète, qui avait "
        "remporté le marathon de Lyon en 2023, nie s'être dopée et affirme avoir été victime d'une "
        "contamination alimentaire. Elle a annoncé qu'elle ferait appel devant le Conseil d'État.",
        {
            ("Agence française de lutte contre le dopage", "Julie Pastor", "asserted"),
            ("Agence française de lutte contre le dopage", "Julie Pastor", "denied"),
        },
        "suspension AFLD, l'athlete nie",
    ),
    (
        "Selon L'Équipe, le sprinteur Malik Obi aurait manqué trois contrôles antidopage en douze "
        "mois, ce qui pourrait lui valoir une suspension de deux ans. L'entourage de l'athlète "
        "dément toute infraction et évoque « une erreur administrative ».",
        {("L'Équipe", "Malik Obi", "alleged"), ("L'Équipe", "Malik Obi", "denied")},
        "selon L'Equipe aurait manque, entourage dement",
    ),
    (
        "La police italienne a perquisitionné mardi l'hôtel de l'équipe cycliste Velomax lors du "
        "Tour d'Italie. Selon le parquet de Padoue, plusieurs coureurs auraient eu recours à des "
        "transfusions sanguines. Le manager de l'équipe, Franco Bellini, assure que son équipe est "
        "« propre ».",
        set(),
        "negatif: coureurs non nommes",
    ),
    (
        "Le milieu de terrain Karim Bensalem a accusé son ancien entraîneur, Didier Rochat, de "
        "harcèlement moral dans un entretien à L'Équipe. « Il m'humiliait devant tout le groupe, "
        "chaque jour », raconte le joueur. Rochat, aujourd'hui sans club, n'a pas donné suite.",
        {("Karim Bensalem", "Didier Rochat", "asserted")},
        "joueur accuse ancien entraineur",
    ),
    (
        "L'entraîneur du FC Armor, Franck Delorme, a salué la performance de ses joueurs après la "
        "victoire 3-0 contre l'AS Valmont. « Ils ont été exemplaires du début à la fin », a-t-il "
        "déclaré en conférence de presse. Le club remonte ainsi à la quatrième place du "
        "championnat.",
        set(),
        "negatif: eloges d'un entraineur",
    ),
    (
        "Après la défaite de son équipe en finale, le capitaine de l'Aviron de Sauveterre, Mathieu "
        "Etcheverry, a refusé d'accuser l'arbitre Thomas Nivelle. « Nous avons perdu parce que nous "
        "n'avons pas été assez bons, l'arbitre n'y est pour rien », a-t-il assuré. Son entraîneur, "
        "Pierre Lacoste, a tenu le même discours.",
        set(),
        "negatif: refuse d'accuser l'arbitre",
    ),
    (
        "Le FC Valmont accuse l'Olympique de Sarlières d'avoir approché son attaquant Dylan Mbemba "
        "sans autorisation. Le club a saisi la commission juridique de la Ligue. Les dirigeants de "
        "Sarlières démentent tout contact avec le joueur.",
        {
            ("FC Valmont", "Olympique de Sarlières", "asserted"),
            ("FC Valmont", "Olympique de Sarlières", "denied"),
        },
        "club contre club, dementi",
    ),
    (
        "L'entraîneur de l'Olympique de Sarlières, Bruno Lemaître, s'en est pris violemment à "
        "l'arbitre Cédric Vallat après la défaite de son équipe. « Il nous a volé le match, c'est "
        "scandaleux », a-t-il lancé au micro de Canal+. Le club a présenté ses excuses dès le "
        "lendemain.",
        {("Bruno Lemaître", "Cédric Vallat", "asserted")},
        "entraineur contre arbitre, citation",
    ),
    (
        "La Ligue de football professionnel a infligé une amende de 50 000 euros au Stade "
        "Valmontais après les incidents survenus samedi dans les tribunes. L'instance reproche au "
        "club de ne pas avoir empêché l'usage de fumigènes. Le club estime au contraire avoir "
        "« pris toutes les mesures nécessaires ».",
        {
            ("Ligue de football professionnel", "Stade Valmontais", "asserted"),
            ("Ligue de football professionnel", "Stade Valmontais", "denied"),
        },
        "amende de la Ligue, l'instance reproche au club",
    ),
    (
        "Le président de la Fédération de football du Kessar, Idriss Malouf, a accusé l'arbitre "
        "Lamin Ceesay de partialité après l'élimination de son équipe. Il accuse également la "
        "Confédération africaine de football (CAF) d'avoir « organisé » la qualification de "
        "l'adversaire. La CAF a rejeté ces accusations.",
        {
            ("Idriss Malouf", "Lamin Ceesay", "asserted"),
            ("Idriss Malouf", "CAF", "asserted"),
            ("Idriss Malouf", "CAF", "denied"),
        },
        "deux accuses, il accuse egalement",
    ),
    (
        "Les dirigeants du club amateur de l'US Plouha, Yann Le Bihan et Gaël Morvan, ont porté "
        "plainte contre le maire, Jacques Ollivier. Ils lui reprochent d'avoir fermé le stade "
        "municipal sans concertation et d'avoir coupé la subvention du club.",
        {
            ("Yann Le Bihan", "Jacques Ollivier", "asserted"),
            ("Gaël Morvan", "Jacques Ollivier", "asserted"),
        },
        "deux plaignants, ils lui reprochent",
    ),
    # --- diplomacy ------------------------------------------------------------------------
    (
        "Le ministre des Affaires étrangères de Valdovie, Andrei Kostic, a accusé lundi la Morlavie "
        "d'avoir massé des troupes à la frontière. Selon lui, plus de 10 000 soldats auraient été "
        "déployés ces derniers jours. La Morlavie a aussitôt rejeté ces accusations, les qualifiant "
        "de « pure propagande ».",
        {("Andrei Kostic", "Morlavie", "asserted"), ("Andrei Kostic", "Morlavie", "denied")},
        "diplomatie, troupes a la frontiere",
    ),
    (
        "La diplomatie tchadienne a convoqué mercredi l'ambassadeur du Soudan à N'Djamena. Le "
        "ministre tchadien des Affaires étrangères, Mahamat Abakar, accuse le Soudan de soutenir "
        "des groupes rebelles dans l'est du pays. Le Soudan a démenti dans la soirée toute "
        "ingérence.",
        {("Mahamat Abakar", "Soudan", "asserted"), ("Mahamat Abakar", "Soudan", "denied")},
        "convocation d'ambassadeur, dementi",
    ),
    (
        "Le président sénégalais et son homologue ivoirien ont signé mardi à Dakar un accord de "
        "coopération énergétique. « C'est un jour historique pour nos deux peuples », s'est réjoui "
        "le chef de l'État sénégalais. L'accord prévoit la construction d'un gazoduc d'ici 2030.",
        set(),
        "negatif: accord diplomatique",
    ),
    (
        "La Cour pénale internationale (CPI) a émis un mandat d'arrêt contre le chef de milice "
        "Joseph Mbakwe. Elle l'accuse d'avoir ordonné le massacre d'une centaine de civils dans "
        "l'est de la République démocratique du Congo en 2021. Le porte-parole de Mbakwe a rejeté "
        "ces accusations, qu'il qualifie de « mensonges ».",
        {
            ("Cour pénale internationale", "Joseph Mbakwe", "asserted"),
            ("Cour pénale internationale", "Joseph Mbakwe", "denied"),
        },
        "mandat d'arret CPI, elle l'accuse",
    ),
    (
        "Le Premier ministre de Morlavie, Viktor Halas, a refusé mercredi d'accuser la Valdovie "
        "après l'explosion d'un gazoduc en mer Noire. « Il est trop tôt pour désigner un "
        "responsable », a-t-il déclaré lors d'une conférence de presse. Une enquête internationale "
        "doit débuter la semaine prochaine.",
        set(),
        "negatif: refuse d'accuser un pays",
    ),
    # --- local news -----------------------------------------------------------------------
    (
        "À Quimperlé, l'association de riverains Bien Vivre au Port a déposé plainte contre la "
        "société Hydroport pour pollution de la rivière Laïta. Selon l'association, l'entreprise "
        "rejette depuis des mois des eaux usées non traitées. La firme, de son côté, assure "
        "respecter toutes les normes environnementales.",
        {
            ("Bien Vivre au Port", "Hydroport", "asserted"),
            ("Bien Vivre au Port", "Hydroport", "denied"),
        },
        "riverains contre entreprise, la firme assure",
    ),
    (
        "Interrogée sur l'incendie qui a ravagé l'entrepôt de la société Logimar, la maire de "
        "Lorient, Anne Le Guen, s'est refusée à accuser qui que ce soit. « Laissons les enquêteurs "
        "travailler », a-t-elle déclaré. Les causes du sinistre restent inconnues.",
        set(),
        "negatif: la maire refuse d'accuser",
    ),
    (
        "À Besançon, la maire Claire Fontenay a été prise à partie lors du conseil municipal. "
        "L'opposant Romain Gallet l'a accusée d'avoir « bradé » un terrain municipal à un promoteur "
        "proche de son équipe. La maire a répondu que la vente avait été validée par les Domaines et "
        "que « tout est transparent ».",
        {
            ("Romain Gallet", "Claire Fontenay", "asserted"),
            ("Romain Gallet", "Claire Fontenay", "denied"),
        },
        "l'a accusee, la maire a repondu",
    ),
    (
        "Le président de l'Association des maires ruraux de la Creuse, André Mazeaud, accuse la "
        "préfète, Nathalie Girard, et l'opérateur Telconet d'avoir « abandonné » les campagnes. "
        "Selon lui, près de 40 communes du département restent sans réseau mobile. Telconet "
        "rejette ces accusations et assure avoir investi 12 millions d'euros dans la région.",
        {
            ("André Mazeaud", "Nathalie Girard", "asserted"),
            ("André Mazeaud", "Telconet", "asserted"),
            ("André Mazeaud", "Telconet", "denied"),
        },
        "deux accuses coordonnes, un seul dement",
    ),
    (
        "À Saint-Nazaire, le collectif d'habitants Air Pur accuse la raffinerie Estuaire Énergies "
        "de dépasser régulièrement les seuils d'émission de benzène. Le collectif s'appuie sur des "
        "relevés effectués par ses propres capteurs. La préfecture a annoncé une inspection du "
        "site.",
        {("Air Pur", "Estuaire Énergies", "asserted")},
        "collectif contre raffinerie",
    ),
    (
        "Le maire de Pontivy, Gilles Quéré, a porté plainte contre X après la dégradation de la "
        "mairie dans la nuit de dimanche. Il soupçonne un groupe de militants antichasse, le "
        "Collectif Forêt Libre, d'être derrière ces tags. Le collectif nie toute implication.",
        {
            ("Gilles Quéré", "Collectif Forêt Libre", "alleged"),
            ("Gilles Quéré", "Collectif Forêt Libre", "denied"),
        },
        "plainte contre X puis il soupconne un collectif",
    ),
    # --- culture --------------------------------------------------------------------------
    (
        "Le réalisateur Antoine Mercadier est accusé de plagiat par la romancière Élise Vautrin. "
        "Elle affirme que son dernier film reprend l'intrigue et plusieurs dialogues de son roman "
        "publié en 2017. « Je n'ai jamais lu ce livre », s'est défendu le cinéaste sur France Inter.",
        {
            ("Élise Vautrin", "Antoine Mercadier", "asserted"),
            ("Élise Vautrin", "Antoine Mercadier", "denied"),
        },
        "plagiat, le cineaste s'est defendu",
    ),
    (
        "L'ancienne ministre Catherine Delaunay a porté plainte pour diffamation contre le "
        "journaliste Marc Aubertin. Dans un livre paru en janvier, ce dernier affirmait qu'elle "
        "avait touché des pots-de-vin d'un groupe de BTP. Delaunay juge ces allégations "
        "« mensongères et calomnieuses ».",
        {
            ("Catherine Delaunay", "Marc Aubertin", "asserted"),
            ("Marc Aubertin", "Catherine Delaunay", "asserted"),
            ("Marc Aubertin", "Catherine Delaunay", "denied"),
        },
        "plainte en diffamation, ce dernier affirmait",
    ),
    (
        "Le festival de Cannes a dévoilé jeudi sa sélection officielle, qui compte 21 films en "
        "compétition. La réalisatrice Lucie Moreau, déjà primée en 2019, fait son retour avec un "
        "drame tourné en Bretagne. Le jury sera présidé par l'acteur Daniel Ferré.",
        set(),
        "negatif: selection de festival",
    ),
    (
        "Le livre « L'Accusation », du romancier Hugo Delmas, a remporté le prix des lecteurs de "
        "Ouest-France. Le jury a salué « une œuvre puissante sur la justice et la vérité ». "
        "L'auteur recevra son prix le 3 juin à Rennes.",
        set(),
        "negatif: titre de livre L'Accusation",
    ),
    (
        "Le chanteur Léo Marchal accuse sa maison de disques, Sonora Music, de ne pas lui avoir "
        "versé ses droits d'auteur depuis 2020. « Ils m'ont volé des centaines de milliers "
        "d'euros », a-t-il affirmé dans une vidéo publiée sur Instagram. Le label a annoncé qu'il "
        "allait porter plainte contre lui pour diffamation.",
        {
            ("Léo Marchal", "Sonora Music", "asserted"),
            ("Sonora Music", "Léo Marchal", "asserted"),
        },
        "chanteur contre label, plainte en retour",
    ),
    # --- tech -----------------------------------------------------------------------------
    (
        "Le groupe de hackers NetShadow serait à l'origine de la cyberattaque qui a paralysé "
        "l'hôpital de Cholet, selon l'Agence nationale de la sécurité des systèmes d'information "
        "(Anssi). Les enquêteurs soupçonnent le groupe d'avoir exigé une rançon de 2 millions "
        "d'euros.",
        {("Anssi", "NetShadow", "alleged")},
        "cyberattaque attribuee au conditionnel",
    ),
    (
        "Le réseau social Chirp est accusé par l'association de consommateurs UFC-Que Choisir de "
        "conserver illégalement les messages supprimés par ses utilisateurs. L'association a saisi "
        "la CNIL. Interrogé, un porte-parole de Chirp a assuré que « les données supprimées sont "
        "effacées sous 30 jours ».",
        {("UFC-Que Choisir", "Chirp", "asserted"), ("UFC-Que Choisir", "Chirp", "denied")},
        "passif accuse par, porte-parole assure",
    ),
    (
        "La fondatrice de la start-up Vocalys, Amandine Roche, accuse son ancien associé, Thomas "
        "Leclerc, d'avoir emporté le code source de l'entreprise pour créer une société "
        "concurrente. Elle l'a assigné devant le tribunal de commerce de Lyon. Selon son avocat, "
        "Thomas Leclerc « n'a jamais copié la moindre ligne de code ».",
        {
            ("Amandine Roche", "Thomas Leclerc", "asserted"),
            ("Amandine Roche", "Thomas Leclerc", "denied"),
        },
        "associes en conflit, selon son avocat",
    ),
]
