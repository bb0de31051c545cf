<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Platform</source>
        <extracomment>The rows' names: English in the copied details (a support request reads the same in every language), translated on screen.</extracomment>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Key storage</source>
        <translation>Stockage de la clé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Inflow Desk</source>
        <extracomment>Names of products, the same in every language (still marked: a translator may adapt them).</extracomment>
        <translation>Inflow Desk</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>About Inflow Desk</source>
        <translation>À propos d’Inflow Desk</translation>
    </message>
    <message>
        <source>Inflow Desk icon</source>
        <translation>Icône d’Inflow Desk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inflow Desk&lt;/b&gt; {version}</source>
        <translation>&lt;b&gt;Inflow Desk&lt;/b&gt; {version}</translation>
    </message>
    <message>
        <source>Create Inflow Pay checkout links while the customer is on the phone.</source>
        <translation>Créez des liens de paiement Inflow Pay pendant que le client est au téléphone.</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name} :</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les informations</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les informations</translation>
    </message>
    <message>
        <source>Copy these lines, e.g. for a support request</source>
        <translation>Copier ces lignes, par exemple pour une demande d’assistance</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>Copié ✓</translation>
    </message>
    <message>
        <source>&amp;About Inflow Desk</source>
        <translation>À &amp;propos d’Inflow Desk</translation>
    </message>
</context>
<context>
    <name>Account</name>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>PERSONNALISÉ</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DÉMO</translation>
    </message>
    <message>
        <source>NEEDS ATTENTION</source>
        <translation>À VÉRIFIER</translation>
    </message>
</context>
<context>
    <name>AccountController</name>
    <message>
        <source>Demo merchant</source>
        <translation>Marchand de démo</translation>
    </message>
    <message>
        <source>Production</source>
        <extracomment>The environments' names for people (translate with the "AccountController" context).</extracomment>
        <translation>Production</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL personnalisée</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>no address: open Settings (Ctrl+,)</source>
        <extracomment>After every switch (profile, demo, key saved or deleted): the window shows the new state. The key store was replaced (by the in-memory one). The profile list changed (added, edited, deleted).</extracomment>
        <translation>pas d’adresse : ouvrez les Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <source>The profile “{profile}” {attention} (Ctrl+,) to choose its environment. Nothing is sent until then.</source>
        <translation>Le profil « {profile} » {attention} (Ctrl+,) pour choisir son environnement. Rien n’est envoyé d’ici là.</translation>
    </message>
    <message>
        <source>Merchant profile</source>
        <translation>Profil marchand</translation>
    </message>
    <message>
        <source>The merchant account new links are created for</source>
        <translation>Le compte marchand pour lequel les nouveaux liens sont créés</translation>
    </message>
    <message>
        <source>Switch merchant account</source>
        <translation>Changer de compte marchand</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Settings: accounts and API keys</source>
        <translation>Paramètres : comptes et clés API</translation>
    </message>
    <message>
        <source>Accounts and API keys</source>
        <translation>Comptes et clés API</translation>
    </message>
    <message>
        <source>&amp;Accounts and API keys…</source>
        <translation>&amp;Comptes et clés API…</translation>
    </message>
    <message>
        <source>Try the &amp;demo (no real payments)</source>
        <translation>Essayer la &amp;démo (aucun paiement réel)</translation>
    </message>
    <message>
        <source>⚠ Settings damaged — open Settings</source>
        <translation>⚠ Paramètres endommagés — ouvrez les Paramètres</translation>
    </message>
    <message>
        <source>Settings damaged</source>
        <translation>Paramètres endommagés</translation>
    </message>
    <message>
        <source>Demo · no real payments</source>
        <translation>Démo · aucun paiement réel</translation>
    </message>
    <message>
        <source>Wait for the current request before switching accounts.</source>
        <translation>Attendez la fin de la requête en cours avant de changer de compte.</translation>
    </message>
    <message>
        <source>the profile “{profile}” on {environment}</source>
        <translation>le profil « {profile} » sur {environment}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>History warning</source>
        <extracomment>What the deferred start-up steps import: loaded in a background thread right after the first frame, so the steps on the GUI thread only build widgets (imports there would stall the window for tens of milliseconds each). (step name, seconds) of every step run so far (logged at debug level; benchmarks) The organisation's policy file, when there is one. Built after the first frame (``stages``); None until then, or when not available. Issue 16: the catalog/saved carts/templates store and the hand-over actions.</extracomment>
        <translation>Alerte sur l'historique</translation>
    </message>
    <message>
        <source>Shown while new links are not reaching the history</source>
        <translation>Affichée tant que les nouveaux liens n'arrivent pas dans l'historique</translation>
    </message>
    <message>
        <source>⚠ History unavailable — links are not being saved</source>
        <translation>⚠ Historique indisponible — les liens ne sont pas enregistrés</translation>
    </message>
    <message>
        <source>The history database could not be opened; the log file says why. New links are kept in {path} and added once it opens again.</source>
        <translation>Impossible d'ouvrir la base de l'historique ; le fichier journal indique pourquoi. Les nouveaux liens sont conservés dans {path} et y seront ajoutés dès qu'elle s'ouvrira de nouveau.</translation>
    </message>
    <message>
        <source>Catalog and messages…</source>
        <translation>Catalogue et messages…</translation>
    </message>
    <message>
        <source>Save the cart as… (Ctrl+Shift+B)</source>
        <translation>Enregistrer le panier sous… (Ctrl+Maj+B)</translation>
    </message>
    <message>
        <source>Insert a saved cart… (Ctrl+B)</source>
        <translation>Insérer un panier enregistré… (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>CartTable</name>
    <message>
        <source>Product</source>
        <extracomment>Custom role: set a price directly in integer cents (used by the product completer). Custom role: what an open cell editor holds, shown live (the total follows the keys) but not yet committed — the cell is not marked as touched, so no error shows while typing. Custom role (read only): True when the cell's error is shown (painted red even when selected). The column headers (translated where shown: :func:`header_text`).</extracomment>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total ligne</translation>
    </message>
    <message>
        <source>Product name</source>
        <extracomment>What a screen reader says for each column (the header "Qty" is short for the room it has).
----------
The empty cart's next step (in English: :func:`empty_cart_hint` is what the table shows).</extracomment>
        <translation>Nom du produit</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Enter a price</source>
        <extracomment>Column → the field name used in domain ``FieldIssue`` paths (``products[2].price``).</extracomment>
        <translation>Saisissez un prix</translation>
    </message>
    <message>
        <source>{name} — {prices} × {quantity}  ·  catalog</source>
        <extracomment>The bare product name: what the completer matches and inserts. An editor's property: what its cell held when editing began (Esc puts it back).</extracomment>
        <translation>{name} — {prices} × {quantity}  ·  catalogue</translation>
    </message>
    <message>
        <source>{name} — {prices}  ·  catalog</source>
        <translation>{name} — {prices}  ·  catalogue</translation>
    </message>
    <message>
        <source>Type a product name, or press {shortcut} for a subscription</source>
        <translation>Saisissez un nom de produit, ou appuyez sur {shortcut} pour un abonnement</translation>
    </message>
    <message>
        <source>Recent and catalog products are suggested as you type</source>
        <translation>Les produits récents et ceux du catalogue sont proposés pendant la saisie</translation>
    </message>
    <message>
        <source>49.99</source>
        <translation>49,99</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>“{name}” is already in the catalog.</source>
        <translation>« {name} » est déjà dans le catalogue.</translation>
    </message>
    <message>
        <source>Name: {problem}</source>
        <translation>Nom : {problem}</translation>
    </message>
    <message>
        <source>Give a price in EUR or USD.</source>
        <translation>Indiquez un prix en EUR ou en USD.</translation>
    </message>
    <message>
        <source>Price in {currency}: {problem}</source>
        <translation>Prix en {currency} : {problem}</translation>
    </message>
    <message>
        <source>Quantity: {problem}</source>
        <translation>Quantité : {problem}</translation>
    </message>
    <message>
        <source>Reference: at most {limit} characters.</source>
        <translation>Référence : {limit} caractères au maximum.</translation>
    </message>
    <message>
        <source>Reference: only printable characters, on one line.</source>
        <translation>Référence : uniquement des caractères imprimables, sur une ligne.</translation>
    </message>
    <message>
        <source>Name the cart (at most {limit} characters).</source>
        <translation>Donnez un nom au panier ({limit} caractères au maximum).</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>Le panier est vide.</translation>
    </message>
    <message>
        <source>“{amount}” is not an amount (write it like 49.99)</source>
        <translation>« {amount} » n'est pas un montant (écrivez-le comme 49.99)</translation>
    </message>
    <message>
        <source>Not CSV: {error}</source>
        <translation>Pas du CSV : {error}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>The header must be: {columns}</source>
        <translation>L'en-tête doit être : {columns}</translation>
    </message>
    <message>
        <source>{count} columns, the header has {header}.</source>
        <translation>{count} colonnes, l'en-tête en a {header}.</translation>
    </message>
    <message>
        <source>“{name}” is also on line {line}.</source>
        <translation>« {name} » figure aussi à la ligne {line}.</translation>
    </message>
    <message>
        <source>More than {limit} products.</source>
        <translation>Plus de {limit} produits.</translation>
    </message>
    <message>
        <source>Quantity “{quantity}” is not a whole number.</source>
        <translation>La quantité « {quantity} » n'est pas un nombre entier.</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>2 × Starter kit</source>
        <translation>2 × Kit de démarrage</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Column titles (the currency codes stay codes).</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Chat / e-mail text</source>
        <extracomment>The three templates' names (form rows and problems).</extracomment>
        <translation>Texte chat / e-mail</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>Objet de l’e-mail</translation>
    </message>
    <message>
        <source>SMS text</source>
        <translation>Texte SMS</translation>
    </message>
    <message>
        <source>Catalog and messages — {profile}</source>
        <translation>Catalogue et messages — {profile}</translation>
    </message>
    <message>
        <source>Catalog and messages</source>
        <translation>Catalogue et messages</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>&amp;Catalogue</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Messages</translation>
    </message>
    <message>
        <source>Search by name or reference</source>
        <translation>Rechercher par nom ou référence</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Rechercher dans le catalogue</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Select a product to edit it below</source>
        <translation>Sélectionnez un produit pour le modifier ci-dessous</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>Nom du produit</translation>
    </message>
    <message>
        <source>Price in euros</source>
        <translation>Prix en euros</translation>
    </message>
    <message>
        <source>Price in dollars</source>
        <translation>Prix en dollars</translation>
    </message>
    <message>
        <source>Default quantity</source>
        <translation>Quantité par défaut</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Default &amp;quantity</source>
        <translation>&amp;Quantité par défaut</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Référence</translation>
    </message>
    <message>
        <source>&amp;Add to catalog</source>
        <translation>&amp;Ajouter au catalogue</translation>
    </message>
    <message>
        <source>Ne&amp;w product</source>
        <translation>Nou&amp;veau produit</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Price in {currency}: {problem}</source>
        <translation>Prix en {currency} : {problem}</translation>
    </message>
    <message>
        <source>“{name}” added ✓</source>
        <translation>« {name} » ajouté ✓</translation>
    </message>
    <message>
        <source>“{name}” saved ✓</source>
        <translation>« {name} » enregistré ✓</translation>
    </message>
    <message>
        <source>“{name}” deleted</source>
        <translation>« {name} » supprimé</translation>
    </message>
    <message>
        <source>Not a UTF-8 text file.</source>
        <translation>Ce n’est pas un fichier texte UTF-8.</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) imported from {file} ✓</source>
        <translation>
            <numerusform>%n produit importé depuis {file} ✓</numerusform>
            <numerusform>%n produits importés depuis {file} ✓</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog exported to {file} ✓</source>
        <translation>Catalogue exporté dans {file} ✓</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>Importer un catalogue</translation>
    </message>
    <message>
        <source>Export catalog</source>
        <translation>Exporter le catalogue</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Save &amp;templates</source>
        <translation>Enregistrer les modè&amp;les</translation>
    </message>
    <message>
        <source>Back to the &amp;defaults</source>
        <translation>Revenir aux textes par &amp;défaut</translation>
    </message>
    <message>
        <source>The default texts, in the app's language</source>
        <translation>Les textes par défaut, dans la langue de l’application</translation>
    </message>
    <message>
        <source>Placeholders: {names}</source>
        <translation>Champs : {names}</translation>
    </message>
    <message>
        <source>Preview (sample values):</source>
        <translation>Aperçu (valeurs d’exemple) :</translation>
    </message>
    <message>
        <source>{template}: {problem}</source>
        <translation>{template} : {problem}</translation>
    </message>
    <message>
        <source>Subject: {subject}

{message}

— SMS ({count}):
{sms}</source>
        <translation>Objet : {subject}

{message}

— SMS ({count}) :
{sms}</translation>
    </message>
    <message>
        <source>Templates saved ✓</source>
        <translation>Modèles enregistrés ✓</translation>
    </message>
</context>
<context>
    <name>CheckoutUrl</name>
    <message>
        <source>Enter a host name, e.g. checkout.example.com</source>
        <extracomment>The loopback literals a demo checkout page may use, as ``loopback_http`` entries write them. What RFC 3986 allows in a URI (unreserved, reserved and ``%``): nothing else is ever in a link Inflow makes, and the rest (``\``, quotes, ``&lt;&gt;``, spaces…) is read differently by browsers and by parsers. Unicode categories a reader cannot see or that reorder what is shown (U+202E, U+2066…): controls, format characters (bidi, zero-width), separators, surrogates, private use.</extracomment>
        <translation>Saisissez un nom d'hôte, par exemple checkout.exemple.fr</translation>
    </message>
    <message>
        <source>Remove the spaces or invisible characters from the host name</source>
        <translation>Retirez les espaces ou caractères invisibles du nom d'hôte</translation>
    </message>
    <message>
        <source>'{host}' is not a host name</source>
        <translation>« {host} » n'est pas un nom d'hôte</translation>
    </message>
    <message>
        <source>Enter only the host name (and a port), without https:// or a path</source>
        <translation>Saisissez seulement le nom d'hôte (et un port), sans https:// ni chemin</translation>
    </message>
    <message>
        <source>'{port}' is not a port number</source>
        <translation>« {port} » n'est pas un numéro de port</translation>
    </message>
    <message>
        <source>Inflow's answer contained no link.</source>
        <translation>La réponse d'Inflow ne contenait aucun lien.</translation>
    </message>
    <message>
        <source>The link is {length} characters long; a checkout link is never longer than {limit}.</source>
        <translation>Le lien fait {length} caractères ; un lien de paiement n'en fait jamais plus de {limit}.</translation>
    </message>
    <message>
        <source>The link contains an invisible or direction-changing character ({code_point}), which can make it read as another address.</source>
        <translation>Le lien contient un caractère invisible ou qui change le sens d'écriture ({code_point}), ce qui peut le faire passer pour une autre adresse.</translation>
    </message>
    <message>
        <source>The link contains the non-ASCII character '{character}' ({code_point}), which can imitate another address.</source>
        <translation>Le lien contient le caractère non ASCII « {character} » ({code_point}), qui peut imiter une autre adresse.</translation>
    </message>
    <message>
        <source>The link contains '{character}', which a web address never contains.</source>
        <translation>Le lien contient « {character} », qu'une adresse web ne contient jamais.</translation>
    </message>
    <message>
        <source>The link is not a valid web address.</source>
        <translation>Le lien n'est pas une adresse web valide.</translation>
    </message>
    <message>
        <source>The link is not secure: it does not start with https:.</source>
        <translation>Le lien n'est pas sécurisé : il ne commence pas par https:.</translation>
    </message>
    <message>
        <source>The link is not secure: it starts with {scheme}:, not https:.</source>
        <translation>Le lien n'est pas sécurisé : il commence par {scheme}: et non par https:.</translation>
    </message>
    <message>
        <source>The link hides its real address behind a user name ('…@{host}'): it does not lead to the host it starts with.</source>
        <translation>Le lien cache sa véritable adresse derrière un nom d'utilisateur (« …@{host} ») : il ne mène pas à l'hôte par lequel il commence.</translation>
    </message>
    <message>
        <source>The link has no valid host name.</source>
        <translation>Le lien n'a pas de nom d'hôte valide.</translation>
    </message>
    <message>
        <source>The link's host '{host}' ends with a dot; a checkout link never does.</source>
        <translation>L'hôte du lien « {host} » se termine par un point ; ce n'est jamais le cas d'un lien de paiement.</translation>
    </message>
    <message>
        <source>The link goes to '{host}', which displays as '{looks}': a look-alike of another address, not Inflow's checkout.</source>
        <translation>Le lien mène à « {host} », qui s'affiche « {looks} » : une imitation d'une autre adresse, pas la page de paiement d'Inflow.</translation>
    </message>
    <message>
        <source>The link uses port {port} of Inflow's checkout; Inflow's links use none.</source>
        <translation>Le lien utilise le port {port} de la page de paiement d'Inflow ; les liens d'Inflow n'en utilisent aucun.</translation>
    </message>
    <message>
        <source>The link goes to '{host}', not to Inflow's checkout ({inflow}) or a host this profile trusts.</source>
        <translation>Le lien mène à « {host} », ni à la page de paiement d'Inflow ({inflow}) ni à un hôte approuvé par ce profil.</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Open</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Paid ✓</source>
        <translation>Payé ✓</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>expired at {time}</source>
        <translation>expiré à {time}</translation>
    </message>
    <message>
        <source>expires {time} — {left} (Inflow's default of about 1 hour)</source>
        <translation>expire à {time} — {left} (durée par défaut d'Inflow : environ 1 heure)</translation>
    </message>
    <message>
        <source>expires {time} — {left}</source>
        <translation>expire à {time} — {left}</translation>
    </message>
</context>
<context>
    <name>DateRangeDialog</name>
    <message>
        <source>Export history — date range</source>
        <extracomment>Filter-as-you-type waits this long after the last key before querying.</extracomment>
        <translation>Exporter l’historique — période</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day (inclusive)</source>
        <translation>Dernier jour (inclus)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To (inclusive)</source>
        <translation>&amp;Au (inclus)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
</context>
<context>
    <name>DeepLink</name>
    <message>
        <source>The link from the other application was not used — {field}: {problem}</source>
        <translation>Le lien venu de l'autre application n'a pas été utilisé — {field} : {problem}</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <source>it is longer than {limit} characters</source>
        <translation>il dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>it contains invisible or control characters</source>
        <translation>il contient des caractères invisibles ou de contrôle</translation>
    </message>
    <message>
        <source>it is not a valid address</source>
        <translation>ce n'est pas une adresse valide</translation>
    </message>
    <message>
        <source>it does not start with {scheme}://</source>
        <translation>il ne commence pas par {scheme}://</translation>
    </message>
    <message>
        <source>{scheme}://new is the only action (not “{action}”)</source>
        <translation>{scheme}://new est la seule action possible (pas « {action} »)</translation>
    </message>
    <message>
        <source>it has a # part the app does not understand</source>
        <translation>il a une partie # que l'application ne comprend pas</translation>
    </message>
    <message>
        <source>its parameters cannot be read</source>
        <translation>ses paramètres sont illisibles</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>the app does not know this field</source>
        <translation>l'application ne connaît pas ce champ</translation>
    </message>
    <message>
        <source>given twice</source>
        <translation>donné deux fois</translation>
    </message>
    <message>
        <source>use EUR or USD</source>
        <translation>utilisez EUR ou USD</translation>
    </message>
    <message>
        <source>not a number of hours</source>
        <translation>ce n'est pas un nombre d'heures</translation>
    </message>
    <message>
        <source>a link is either a subscription offer or products, not both</source>
        <translation>un lien est soit une offre d'abonnement, soit des produits, pas les deux</translation>
    </message>
    <message>
        <source>not a subscription offer ID or link</source>
        <translation>ce n'est ni un ID ni un lien d'offre d'abonnement</translation>
    </message>
    <message>
        <source>at most {limit} products</source>
        <translation>{limit} produits au plus</translation>
    </message>
    <message>
        <source>product {number}</source>
        <translation>produit {number}</translation>
    </message>
    <message>
        <source>write it as NAME*QUANTITY@PRICE, e.g. Starter kit*2@49.99</source>
        <translation>écrivez-le NOM*QUANTITÉ@PRIX, par exemple Kit de démarrage*2@49.99</translation>
    </message>
    <message>
        <source>product {number} name</source>
        <translation>nom du produit {number}</translation>
    </message>
    <message>
        <source>product {number} price</source>
        <translation>prix du produit {number}</translation>
    </message>
</context>
<context>
    <name>DeepLinks</name>
    <message>
        <source>The link from the other application was not used — currency: {currency} is not allowed by your organisation</source>
        <translation>Le lien venu de l’autre application n’a pas été utilisé — devise : {currency} n’est pas autorisée par votre organisation</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Restored the unsent form from {moment}</source>
        <extracomment>Save this long after the last change. Keys whose values are settings rather than something typed for a customer.</extracomment>
        <translation>Formulaire non envoyé de {moment} restauré</translation>
    </message>
    <message>
        <source>The app was closed before this form was sent; it was saved automatically.</source>
        <translation>L’application a été fermée avant l’envoi de ce formulaire ; il avait été enregistré automatiquement.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Inflow: {message}</source>
        <extracomment>Server messages that name a field of the form ("customerEmail must be an email"), so the window can mark that field too. False when the failure says nothing bad (a check that cannot run here): no alarm colour. "products.0.price must not be less than 1" / "customerEmail must be an email" (NestJS style).</extracomment>
        <translation>Inflow : {message}</translation>
    </message>
    <message>
        <source>create the link</source>
        <extracomment>What the link form is doing (the default).</extracomment>
        <translation>créer le lien</translation>
    </message>
    <message>
        <source>test the connection</source>
        <extracomment>What Settings › Test connection is doing, in the agent's words (``action``).</extracomment>
        <translation>tester la connexion</translation>
    </message>
    <message>
        <source>finish what you asked for</source>
        <extracomment>What an uncaught exception interrupted.</extracomment>
        <translation>terminer ce que vous avez demandé</translation>
    </message>
    <message>
        <source>create the subscription link</source>
        <extracomment>The other callers' phrases (checkout, payments, settings): marked for extraction only.</extracomment>
        <translation>créer le lien d'abonnement</translation>
    </message>
    <message>
        <source>load the subscription offers</source>
        <translation>charger les offres d'abonnement</translation>
    </message>
    <message>
        <source>list offers</source>
        <translation>charger les offres</translation>
    </message>
    <message>
        <source>draw the QR code</source>
        <translation>générer le code QR</translation>
    </message>
    <message>
        <source>simulate the payment</source>
        <translation>simuler le paiement</translation>
    </message>
    <message>
        <source>save the profile</source>
        <translation>sauvegarder le profil</translation>
    </message>
    <message>
        <source>save the key</source>
        <translation>sauvegarder la clé</translation>
    </message>
    <message>
        <source>read the key</source>
        <translation>lire la clé</translation>
    </message>
    <message>
        <source>check</source>
        <translation>vérifier la clé</translation>
    </message>
    <message>
        <source>reveal</source>
        <translation>voir la clé</translation>
    </message>
    <message>
        <source>save</source>
        <translation>sauvegarder la clé</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>supprimer la clé</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>supprimer la clé</translation>
    </message>
    <message>
        <source>test</source>
        <translation>tester la clé</translation>
    </message>
    <message>
        <source>key rejected — wrong key or wrong environment</source>
        <extracomment>What Test connection says when Inflow rejects the key (translate where shown).</extracomment>
        <translation>clé refusée — mauvaise clé ou mauvais environnement</translation>
    </message>
    <message>
        <source>The stored key is longer than {limit} characters, so it cannot be an API key — open Settings and paste it again.</source>
        <translation>La clé enregistrée dépasse {limit} caractères : ce ne peut pas être une clé API. Ouvrez les Paramètres et collez-la de nouveau.</translation>
    </message>
    <message>
        <source>The stored key contains characters an API key cannot have — open Settings and paste it again.</source>
        <translation>La clé enregistrée contient des caractères impossibles dans une clé API. Ouvrez les Paramètres et collez-la de nouveau.</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer ({reason}). You can keep the key in memory for this run only.</source>
        <translation>Aucun trousseau système n'est disponible sur cet ordinateur ({reason}). Vous pouvez garder la clé en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>The system keychain is locked. Unlock it and try again, or keep the key in memory for this run only.</source>
        <translation>Le trousseau système est verrouillé. Déverrouillez-le et réessayez, ou gardez la clé en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>The key could not be saved in the system keychain. Try again, or keep the key in memory for this run only.</source>
        <translation>Impossible d'enregistrer la clé dans le trousseau système. Réessayez, ou gardez la clé en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>The key could not be removed from the system keychain. Try again, or remove it with your system's password manager.</source>
        <translation>Impossible de retirer la clé du trousseau système. Réessayez, ou supprimez-la avec le gestionnaire de mots de passe du système.</translation>
    </message>
    <message>
        <source>The system keychain reported an error while trying to read the key ({cause}). Try again, or keep the key in memory for this run only.</source>
        <translation>Le trousseau système a signalé une erreur en lisant la clé ({cause}). Réessayez, ou gardez la clé en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>The system keychain reported an error while trying to read the key. Try again, or keep the key in memory for this run only.</source>
        <translation>Le trousseau système a signalé une erreur en lisant la clé. Réessayez, ou gardez la clé en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>The system keychain reported an error while trying to use the key ({cause}). Try again, or keep the key in memory for this run only.</source>
        <translation>Le trousseau système a signalé une erreur en utilisant la clé ({cause}). Réessayez, ou gardez la clé en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>The system keychain reported an error while trying to use the key. Try again, or keep the key in memory for this run only.</source>
        <translation>Le trousseau système a signalé une erreur en utilisant la clé. Réessayez, ou gardez la clé en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>No API key is stored for the profile “{profile}”. Open Settings (Ctrl+,) to enter it, or try the demo.</source>
        <translation>Aucune clé API n'est enregistrée pour le profil « {profile} ». Ouvrez les Paramètres (Ctrl+,) pour la saisir, ou essayez la démo.</translation>
    </message>
    <message>
        <source>The API key is longer than {limit} characters: that is not an API key. Copy it again from the Inflow dashboard.</source>
        <translation>La clé API dépasse {limit} caractères : ce n'est pas une clé API. Copiez-la de nouveau depuis le tableau de bord Inflow.</translation>
    </message>
    <message>
        <source>The API key contains a line break or another invisible character. Copy it again from the Inflow dashboard.</source>
        <translation>La clé API contient un saut de ligne ou un autre caractère invisible. Copiez-la de nouveau depuis le tableau de bord Inflow.</translation>
    </message>
    <message>
        <source>The API key is empty: paste it from the Inflow dashboard.</source>
        <translation>La clé API est vide : collez-la depuis le tableau de bord Inflow.</translation>
    </message>
    <message>
        <source>The API key contains spaces or characters an API key cannot have. Copy it again from the Inflow dashboard.</source>
        <translation>La clé API contient des espaces ou des caractères impossibles dans une clé API. Copiez-la de nouveau depuis le tableau de bord Inflow.</translation>
    </message>
    <message>
        <source>The history could not be read.</source>
        <translation>Impossible de lire l'historique.</translation>
    </message>
    <message>
        <source>{cause} Try again; the links already created are not affected.</source>
        <translation>{cause} Réessayez ; les liens déjà créés ne sont pas touchés.</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>Impossible d'écrire {path}.</translation>
    </message>
    <message>
        <source>{cause} Choose another place.</source>
        <translation>{cause} Choisissez un autre emplacement.</translation>
    </message>
    <message>
        <source>This place cannot be written (no permission).</source>
        <translation>Impossible d'écrire à cet emplacement (pas d'autorisation).</translation>
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation>Le dossier n'existe pas.</translation>
    </message>
    <message>
        <source>That is a folder, not a file.</source>
        <translation>C'est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Le disque est plein.</translation>
    </message>
    <message>
        <source>The disk reported an error.</source>
        <translation>Le disque a signalé une erreur.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}); details are in the log file.</source>
        <translation>Une erreur inattendue s'est produite ({error}) ; les détails sont dans le fichier journal.</translation>
    </message>
    <message>
        <source>A link may have been created anyway. Creating again is safe for the customer (nothing is paid until they pay), but they could receive two links.</source>
        <translation>Un lien a peut-être été créé malgré tout. Recréer un lien est sans risque pour le client (rien n'est payé tant qu'il ne paie pas), mais il pourrait recevoir deux liens.</translation>
    </message>
    <message>
        <source>Try again; if it keeps happening, tell support.</source>
        <translation>Réessayez ; si cela se reproduit, prévenez le support.</translation>
    </message>
    <message>
        <source>Cancelled before Inflow answered — the request had already reached Inflow, so a link may have been created there.</source>
        <translation>Annulé avant la réponse d'Inflow — la demande était déjà arrivée chez Inflow : un lien y a peut-être été créé.</translation>
    </message>
    <message>
        <source>It is not in the History (no answer came back): look in Inflow's dashboard before sending the customer a second link.</source>
        <translation>Il n'apparaît pas dans l'Historique (aucune réponse reçue) : vérifiez dans le tableau de bord Inflow avant d'envoyer un deuxième lien au client.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was sent to Inflow.</source>
        <translation>Annulé ; rien n'a été envoyé à Inflow.</translation>
    </message>
    <message>
        <source>The proxy refused the connection to Inflow ({status}), so nothing was sent.</source>
        <translation>Le proxy a refusé la connexion à Inflow ({status}) : rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>Check this computer's proxy settings (HTTPS_PROXY, the proxy login) or ask IT, then try again.</source>
        <translation>Vérifiez les réglages de proxy de cet ordinateur (HTTPS_PROXY, l'identifiant du proxy) ou demandez au service informatique, puis réessayez.</translation>
    </message>
    <message>
        <source>Inflow's certificate is not trusted by this computer, so nothing was sent.</source>
        <translation>Cet ordinateur ne fait pas confiance au certificat d'Inflow : rien n'a été envoyé.</translation>
    </message>
    <message>
        <source>If your company inspects HTTPS traffic, its certificate must be installed in the operating system (ask IT). Otherwise someone may be intercepting the connection: do not retry on this network.</source>
        <translation>Si votre entreprise inspecte le trafic HTTPS, son certificat doit être installé dans le système d'exploitation (demandez au service informatique). Sinon, quelqu'un intercepte peut-être la connexion : ne réessayez pas sur ce réseau.</translation>
    </message>
    <message>
        <source>Inflow did not answer in time, so we could not {action}.</source>
        <translation>Inflow n'a pas répondu à temps : impossible de {action}.</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>Réessayez.</translation>
    </message>
    <message>
        <source>Couldn't reach Inflow (the connection timed out).</source>
        <translation>Impossible de joindre Inflow (délai de connexion dépassé).</translation>
    </message>
    <message>
        <source>Check the internet connection and try again.</source>
        <translation>Vérifiez la connexion Internet et réessayez.</translation>
    </message>
    <message>
        <source>The connection to Inflow broke before the answer arrived.</source>
        <translation>La connexion à Inflow a été coupée avant l'arrivée de la réponse.</translation>
    </message>
    <message>
        <source>Couldn't reach Inflow (connection refused or no network).</source>
        <translation>Impossible de joindre Inflow (connexion refusée ou pas de réseau).</translation>
    </message>
    <message>
        <source>Inflow rejected the API key for {account}: {why}.</source>
        <translation>Inflow a refusé la clé API pour {account} : {why}.</translation>
    </message>
    <message>
        <source>A sandbox key does not work on production, and the other way round.</source>
        <translation>Une clé sandbox ne fonctionne pas en production, et inversement.</translation>
    </message>
    <message>
        <source>Inflow rejected the API key for {account}.</source>
        <translation>Inflow a refusé la clé API pour {account}.</translation>
    </message>
    <message>
        <source>Open Settings › Accounts to check the key or the environment (a sandbox key does not work on production, and the other way round).</source>
        <translation>Ouvrez Paramètres › Comptes pour vérifier la clé ou l'environnement (une clé sandbox ne fonctionne pas en production, et inversement).</translation>
    </message>
    <message>
        <source>Inflow refused this API key: it is not allowed to {action} (HTTP 403).</source>
        <translation>Inflow a refusé cette clé API : elle n'a pas le droit de {action} (HTTP 403).</translation>
    </message>
    <message>
        <source>Ask an account admin to check the key's permissions in the Inflow dashboard.</source>
        <translation>Demandez à un administrateur du compte de vérifier les droits de la clé dans le tableau de bord Inflow.</translation>
    </message>
    <message>
        <source>Inflow does not list subscription offers for this account.</source>
        <translation>Inflow ne fournit pas la liste des offres d'abonnement pour ce compte.</translation>
    </message>
    <message>
        <source>Paste an offer id or a subscribe link (…/subscribe/offer_…) instead.</source>
        <translation>Collez plutôt un identifiant d'offre ou un lien d'abonnement (…/subscribe/offer_…).</translation>
    </message>
    <message>
        <source>Could not verify the key this way: the server has no such check (HTTP {status}).</source>
        <translation>Impossible de vérifier la clé de cette façon : le serveur ne propose pas ce contrôle (HTTP {status}).</translation>
    </message>
    <message>
        <source>This says nothing against the key: creating a link shows whether it works. With a custom server address, check that the address is right.</source>
        <translation>Cela ne dit rien contre la clé : créer un lien montrera si elle fonctionne. Avec une adresse de serveur personnalisée, vérifiez que l'adresse est correcte.</translation>
    </message>
    <message>
        <source>That subscription offer does not exist or has been archived.</source>
        <translation>Cette offre d'abonnement n'existe pas ou a été archivée.</translation>
    </message>
    <message>
        <source>Pick another offer, or check the offer in the Inflow dashboard.</source>
        <translation>Choisissez une autre offre, ou vérifiez-la dans le tableau de bord Inflow.</translation>
    </message>
    <message>
        <source>Inflow answered “not found” (HTTP 404).</source>
        <translation>Inflow a répondu « introuvable » (HTTP 404).</translation>
    </message>
    <message>
        <source>Checkout sessions may not be enabled for this account yet (Checkout V2 is in beta), or the server address in Settings is wrong.</source>
        <translation>Les sessions de paiement ne sont peut-être pas encore activées pour ce compte (Checkout V2 est en bêta), ou l'adresse du serveur dans les Paramètres est erronée.</translation>
    </message>
    <message>
        <source>Inflow refused the request:</source>
        <translation>Inflow a refusé la demande :</translation>
    </message>
    <message>
        <source>Correct the fields above and try again.</source>
        <translation>Corrigez les champs ci-dessus et réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Patientez %n seconde et réessayez.</numerusform>
            <numerusform>Patientez %n secondes et réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation>Patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>Inflow is limiting requests right now (HTTP 429).</source>
        <translation>Inflow limite les demandes en ce moment (HTTP 429).</translation>
    </message>
    <message>
        <source>Inflow had a problem on its side (HTTP {status}).</source>
        <translation>Inflow a rencontré un problème de son côté (HTTP {status}).</translation>
    </message>
    <message>
        <source>Nothing to fix on your side; try again in a moment.</source>
        <translation>Rien à corriger de votre côté ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Inflow answered with an unexpected error (HTTP {status}).</source>
        <translation>Inflow a répondu par une erreur inattendue (HTTP {status}).</translation>
    </message>
    <message>
        <source>Try again; if it keeps happening, send the log file to support.</source>
        <translation>Réessayez ; si cela se reproduit, envoyez le fichier journal au support.</translation>
    </message>
    <message>
        <source>Inflow's answer was far larger than any real answer, so it was not read.</source>
        <translation>La réponse d'Inflow était bien plus volumineuse qu'une vraie réponse : elle n'a pas été lue.</translation>
    </message>
    <message>
        <source>Inflow answered, but the answer could not be understood.</source>
        <translation>Inflow a répondu, mais la réponse est incompréhensible.</translation>
    </message>
    <message>
        <source>Could not {action}.</source>
        <translation>Impossible de {action}.</translation>
    </message>
    <message>
        <source>Refused: Inflow's answer held a link this app does not trust, so it is not shown.</source>
        <translation>Refusé : la réponse d'Inflow contenait un lien auquel l'application ne fait pas confiance ; il n'est pas affiché.</translation>
    </message>
    <message>
        <source>Send the customer no link for this yet. The session is in the history, marked as refused. A proxy or a wrong server address may be altering the answers: tell IT or support before you create again.</source>
        <translation>N'envoyez encore aucun lien au client pour cette demande. La session figure dans l'historique, marquée comme refusée. Un proxy ou une mauvaise adresse de serveur modifie peut-être les réponses : prévenez le service informatique ou le support avant de recréer un lien.</translation>
    </message>
    <message>
        <source>This link is too long for a QR code ({length} characters).</source>
        <translation>Ce lien est trop long pour un code QR ({length} caractères).</translation>
    </message>
    <message>
        <source>Copy the link and send it instead.</source>
        <translation>Copiez le lien et envoyez-le plutôt.</translation>
    </message>
    <message>
        <source>Could not {action}: the stored API key cannot be used.</source>
        <translation>Impossible de {action} : la clé API enregistrée est inutilisable.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}).</source>
        <translation>Une erreur inattendue s'est produite ({error}).</translation>
    </message>
    <message>
        <source>Try again; details are in the log file for support.</source>
        <translation>Réessayez ; les détails sont dans le fichier journal pour le support.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <extracomment>What a :class:`~inflow_desk.storage.history_journal.HistoryProblem` means, in the agent's words (keyed by its value, so that this module does not import the storage layer at start-up).</extracomment>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the history file is locked by another program</source>
        <translation>le fichier d'historique est verrouillé par un autre programme</translation>
    </message>
    <message>
        <source>the history file is damaged</source>
        <translation>le fichier d'historique est endommagé</translation>
    </message>
    <message>
        <source>the history file cannot be written</source>
        <translation>le fichier d'historique n'est pas accessible en écriture</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>le disque a signalé une erreur</translation>
    </message>
    <message>
        <source>the history could not be opened</source>
        <translation>impossible d'ouvrir l'historique</translation>
    </message>
    <message>
        <source>the history could not be written</source>
        <translation>impossible d'écrire dans l'historique</translation>
    </message>
    <message>
        <source>⚠ Not saved to the history (see the log file). Keep this link somewhere safe.</source>
        <extracomment>The window's status after a created link the history could not take (unexpected failure). Marked for extraction; show :func:`history_not_saved_text` (translated).</extracomment>
        <translation>⚠ Non enregistré dans l'historique (voir le fichier journal). Gardez ce lien en lieu sûr.</translation>
    </message>
    <message>
        <source>⚠ Not saved to the history — {reason}. Kept in a backup file; it will be added when the history works again.</source>
        <translation>⚠ Non enregistré dans l'historique — {reason}. Conservé dans un fichier de secours ; il sera ajouté quand l'historique fonctionnera de nouveau.</translation>
    </message>
    <message>
        <source>⚠ Not saved to the history — {reason}. Kept in {file}; it will be added when the history works again.</source>
        <translation>⚠ Non enregistré dans l'historique — {reason}. Conservé dans {file} ; il sera ajouté quand l'historique fonctionnera de nouveau.</translation>
    </message>
    <message>
        <source>⚠ Not saved to the history — {reason}, and the backup file could not be written either ({backup_reason}). Kept in memory only: copy this link somewhere safe; it will be added when the history works again, unless Inflow Desk is closed first.</source>
        <translation>⚠ Non enregistré dans l'historique — {reason}, et le fichier de secours n'a pas pu être écrit non plus ({backup_reason}). Conservé en mémoire seulement : copiez ce lien en lieu sûr ; il sera ajouté quand l'historique fonctionnera de nouveau, sauf si Inflow Desk est fermé avant.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ History not working ({reason}) — %n link(s) kept in memory only; do not close Inflow Desk until the history works again.</source>
        <translation>
            <numerusform>⚠ Historique en panne ({reason}) — %n lien conservé en mémoire seulement ; ne fermez pas Inflow Desk avant que l'historique fonctionne de nouveau.</numerusform>
            <numerusform>⚠ Historique en panne ({reason}) — %n liens conservés en mémoire seulement ; ne fermez pas Inflow Desk avant que l'historique fonctionne de nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ History not working ({reason}) — %n link(s) waiting in {file}; they will be added when it works again.</source>
        <translation>
            <numerusform>⚠ Historique en panne ({reason}) — %n lien en attente dans {file} ; il sera ajouté quand l'historique fonctionnera de nouveau.</numerusform>
            <numerusform>⚠ Historique en panne ({reason}) — %n liens en attente dans {file} ; ils seront ajoutés quand l'historique fonctionnera de nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Not shown, this link is not trusted: {problem}</source>
        <translation>⚠ Non affiché, ce lien n'est pas fiable : {problem}</translation>
    </message>
    <message>
        <source>Check this link before you use it: it is not Inflow's checkout.</source>
        <translation>Vérifiez ce lien avant de l'utiliser : ce n'est pas la page de paiement d'Inflow.</translation>
    </message>
    <message>
        <source>It was not copied and has no QR code. Copy it only if you know where it leads (a profile can trust its own checkout host in Settings).</source>
        <translation>Il n'a pas été copié et n'a pas de code QR. Ne le copiez que si vous savez où il mène (un profil peut faire confiance à son propre hôte de paiement dans les Paramètres).</translation>
    </message>
    <message>
        <source>Nothing was sent: this link would take you over your daily limit of {limit} on “{profile}”.</source>
        <translation>Rien n'a été envoyé : ce lien vous ferait dépasser votre plafond quotidien de {limit} sur « {profile} ».</translation>
    </message>
    <message>
        <source>You have created {used} today; this link is {amount}. Your organisation sets this limit — ask a supervisor to create it.</source>
        <translation>Vous avez déjà créé {used} aujourd'hui ; ce lien fait {amount}. Ce plafond est fixé par votre organisation — demandez à un superviseur de le créer.</translation>
    </message>
    <message>
        <source>Nothing was sent: {amount} is over your limit of {limit} per link on “{profile}”.</source>
        <translation>Rien n'a été envoyé : {amount} dépasse votre plafond de {limit} par lien sur « {profile} ».</translation>
    </message>
    <message>
        <source>Your organisation sets this limit — ask a supervisor to create this link.</source>
        <translation>Ce plafond est fixé par votre organisation — demandez à un superviseur de créer ce lien.</translation>
    </message>
    <message>
        <source>Nothing was sent: your organisation does not allow links in {currency}.</source>
        <translation>Rien n'a été envoyé : votre organisation n'autorise pas les liens en {currency}.</translation>
    </message>
    <message>
        <source>Choose another currency.</source>
        <translation>Choisissez une autre devise.</translation>
    </message>
    <message>
        <source>Nothing was sent: this link's price is not known here, so your limits on “{profile}” cannot be checked.</source>
        <translation>Rien n'a été envoyé : le prix de ce lien n'est pas connu ici, vos plafonds sur « {profile} » ne peuvent donc pas être vérifiés.</translation>
    </message>
    <message>
        <source>Pick the offer from the list (its price is shown there) instead of pasting its id.</source>
        <translation>Choisissez l'offre dans la liste (son prix y est indiqué) au lieu de coller son identifiant.</translation>
    </message>
    <message>
        <source>Nothing was sent: your daily limit on “{profile}” cannot be checked.</source>
        <translation>Rien n'a été envoyé : votre plafond quotidien sur « {profile} » ne peut pas être vérifié.</translation>
    </message>
    <message>
        <source>The history, which counts today's links, is unavailable (see the log file).</source>
        <translation>L'historique, qui compte les liens du jour, est indisponible (voir le fichier journal).</translation>
    </message>
    <message>
        <source>The form was left as it was. Check the link in the CRM.</source>
        <translation>Le formulaire n'a pas été modifié. Vérifiez le lien dans le CRM.</translation>
    </message>
    <message>
        <source>The link from the other application was not used: a link is being created.</source>
        <translation>Le lien venu de l'autre application n'a pas été utilisé : un lien est en cours de création.</translation>
    </message>
    <message>
        <source>Wait for it (or press Esc), then open the link from the CRM again.</source>
        <translation>Attendez-le (ou appuyez sur Échap), puis rouvrez le lien depuis le CRM.</translation>
    </message>
    <message>
        <source>Inflow Desk cannot start: your organisation's policy file is not valid.

{problem}

Ask your IT department to correct it. The app does not run without it.</source>
        <translation>Inflow Desk ne peut pas démarrer : le fichier de règles de votre organisation n'est pas valide.

{problem}

Demandez à votre service informatique de le corriger. L'application ne fonctionne pas sans lui.</translation>
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation>Géré par votre organisation</translation>
    </message>
    <message>
        <source>No e-mail program opened.</source>
        <translation>Aucun logiciel de messagerie ne s'est ouvert.</translation>
    </message>
    <message>
        <source>Copy the message (Ctrl+M) and paste it into your e-mail instead.</source>
        <translation>Copiez plutôt le message (Ctrl+M) et collez-le dans votre e-mail.</translation>
    </message>
    <message>
        <source>The product catalog is not available right now.</source>
        <translation>Le catalogue de produits n'est pas disponible pour le moment.</translation>
    </message>
    <message>
        <source>Products can still be typed by hand; recent products still complete.</source>
        <translation>Vous pouvez toujours saisir les produits à la main ; les produits récents restent proposés.</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Ligne {line} : {problem}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from {file}: %n row(s) need fixing.</source>
        <translation>
            <numerusform>Rien n'a été importé depuis {file} : %n ligne est à corriger.</numerusform>
            <numerusform>Rien n'a été importé depuis {file} : %n lignes sont à corriger.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix them in the file and import it again.</source>
        <translation>Corrigez le fichier, puis importez-le de nouveau.</translation>
    </message>
    <message>
        <source>Nothing was sent: this exact cart already has a link, created at {time} (on the right).</source>
        <translation>Rien n'a été envoyé : ce panier a déjà un lien, créé à {time} (à droite).</translation>
    </message>
    <message>
        <source>Press Ctrl+Enter again to create a second link for the same cart.</source>
        <translation>Appuyez de nouveau sur Ctrl+Entrée pour créer un deuxième lien pour le même panier.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Inflow Desk</source>
        <translation>Bienvenue dans Inflow Desk</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>Saisir la clé API…</translation>
    </message>
    <message>
        <source>Enter API key</source>
        <translation>Saisir la clé API</translation>
    </message>
    <message>
        <source>Paste the private key from the Inflow dashboard (Ctrl+,)</source>
        <translation>Collez la clé privée depuis le tableau de bord Inflow (Ctrl+,)</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Use a built-in emulator: no key needed, no real payments</source>
        <translation>Utiliser l’émulateur intégré : aucune clé nécessaire, aucun paiement réel</translation>
    </message>
    <message>
        <source>Keep keys in memory for this run only</source>
        <translation>Garder les clés en mémoire pour cette session</translation>
    </message>
    <message>
        <source>Keys you enter are forgotten when Inflow Desk quits; nothing is written to disk</source>
        <translation>Les clés saisies sont oubliées à la fermeture d’Inflow Desk ; rien n’est écrit sur le disque</translation>
    </message>
    <message>
        <source>Try the keychain again</source>
        <translation>Réessayer le trousseau</translation>
    </message>
    <message>
        <source>The key is kept in your system's keychain, never in a file. You can add more merchant accounts later in Settings (Ctrl+,).</source>
        <translation>La clé est conservée dans le trousseau du système, jamais dans un fichier. Vous pourrez ajouter d’autres comptes marchands plus tard dans les Paramètres (Ctrl+,).</translation>
    </message>
    <message>
        <source>The API key stored for {profile} ({address}) cannot be used.</source>
        <translation>La clé API enregistrée pour {profile} ({address}) est inutilisable.</translation>
    </message>
    <message>
        <source>No API key is stored for {profile} ({address}).</source>
        <translation>Aucune clé API n’est enregistrée pour {profile} ({address}).</translation>
    </message>
    <message>
        <source>Enter the private API key of this merchant account, or try the app with the built-in demo first.</source>
        <translation>Saisissez la clé API privée de ce compte marchand, ou essayez d’abord l’application avec la démo intégrée.</translation>
    </message>
    <message>
        <source>This profile needs attention</source>
        <translation>Ce profil est à vérifier</translation>
    </message>
    <message>
        <source>The profile “{profile}” {attention} (Ctrl+,) and choose its environment.
Nothing is sent with this profile until then.</source>
        <translation>Le profil « {profile} » {attention} (Ctrl+,) et choisissez son environnement.
Rien n’est envoyé avec ce profil d’ici là.</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Ouvrir les Paramètres…</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Ouvrir les Paramètres</translation>
    </message>
</context>
<context>
    <name>HandoverBar</name>
    <message>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>E-mail…</source>
        <translation>E-mail…</translation>
    </message>
    <message>
        <source>Copy SMS text</source>
        <translation>Copier le SMS</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Lire à voix haute</translation>
    </message>
    <message>
        <source>New link, same cart</source>
        <translation>Nouveau lien, même panier</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>Copies the chat or e-mail text with the link</source>
        <translation>Copie le texte pour le chat ou l’e-mail, avec le lien</translation>
    </message>
    <message>
        <source>E-mail the link</source>
        <translation>Envoyer le lien par e-mail</translation>
    </message>
    <message>
        <source>Opens an e-mail to the customer in your mail program</source>
        <translation>Ouvre un e-mail au client dans votre messagerie</translation>
    </message>
    <message>
        <source>Copy the SMS text</source>
        <translation>Copier le texte du SMS</translation>
    </message>
    <message>
        <source>Copies the short text for an SMS</source>
        <translation>Copie le texte court pour un SMS</translation>
    </message>
    <message>
        <source>Shows what to read to the customer, in large type</source>
        <translation>Affiche en grand ce qu’il faut lire au client</translation>
    </message>
    <message>
        <source>Creates a fresh link for the same cart or offer</source>
        <translation>Crée un nouveau lien pour le même panier ou la même offre</translation>
    </message>
    <message>
        <source>Message copied ✓ — paste it into the chat or e-mail</source>
        <translation>Message copié ✓ — collez-le dans le chat ou l’e-mail</translation>
    </message>
    <message>
        <source>SMS text copied ✓ — {count}</source>
        <translation>SMS copié ✓ — {count}</translation>
    </message>
    <message>
        <source>E-mail opened ✓ — check it and press Send</source>
        <translation>E-mail ouvert ✓ — relisez-le puis cliquez sur Envoyer</translation>
    </message>
    <message>
        <source>⚠ The link for {amount} expires in {time} and is not paid.</source>
        <translation>⚠ Le lien de {amount} expire dans {time} et n’est pas payé.</translation>
    </message>
    <message>
        <source>⚠ The link expires in {time} and is not paid.</source>
        <translation>⚠ Le lien expire dans {time} et n’est pas payé.</translation>
    </message>
    <message>
        <source>⚠ The link for {amount} has expired unpaid.</source>
        <translation>⚠ Le lien de {amount} a expiré sans être payé.</translation>
    </message>
    <message>
        <source>⚠ The link has expired unpaid.</source>
        <translation>⚠ Le lien a expiré sans être payé.</translation>
    </message>
    <message>
        <source>{alert} Ctrl+Shift+L: a new link for the same cart.</source>
        <translation>{alert} Ctrl+Maj+L : un nouveau lien pour le même panier.</translation>
    </message>
</context>
<context>
    <name>HandoverFacts</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>subscription</source>
        <translation>abonnement</translation>
    </message>
    <message>
        <source>no time</source>
        <translation>0 min</translation>
    </message>
</context>
<context>
    <name>HistoryDock</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Chargement de l’historique…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Created</source>
        <extracomment>Rows per cached page / per ``store.page()`` query. Pages kept in memory; the least recently used page is dropped first. How often the status column ("open — 23 min left") is recomputed. Shown for a row whose page is still loading. The record of a row (``HistoryRecord``, or ``None`` while its page loads). Column titles in English (:func:`header_text` says them in the agent's language).</extracomment>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation>E-mail du client</translation>
    </message>
    <message>
        <source>Products / offer</source>
        <translation>Produits / offre</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>One-time</source>
        <extracomment>Store sort key of each header (the link sorts like the session id it contains).</extracomment>
        <translation>Ponctuel</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Sort by {column} (click the header)</source>
        <extracomment>Every store query; a new query or an inserted row drops the answers still out. Payment status by session id (``ui/payments``): shown instead of open/expired.</extracomment>
        <translation>Trier par {column} (cliquez sur l’en-tête)</translation>
    </message>
    <message>
        <source>{moment} — {environment}, {profile}</source>
        <translation>{moment} — {environment}, {profile}</translation>
    </message>
    <message>
        <source>Link valid until {moment} (Inflow's default of about 1 hour)</source>
        <translation>Lien valable jusqu’à {moment} (durée par défaut d’Inflow, environ 1 h)</translation>
    </message>
    <message>
        <source>Link valid until {moment}</source>
        <translation>Lien valable jusqu’à {moment}</translation>
    </message>
    <message>
        <source>Offer {name} ({id})</source>
        <translation>Offre {name} ({id})</translation>
    </message>
    <message>
        <source>Offer ({id})</source>
        <translation>Offre ({id})</translation>
    </message>
</context>
<context>
    <name>HistoryStatus</name>
    <message>
        <source>expired</source>
        <extracomment>Lifetime Inflow applies when ``expiresIn`` is omitted (documented as "≈ 1 hour"). Mirrors ``domain.limits.DEFAULT_EXPIRES_IN_HOURS``; storage keeps its own copy so it does not depend on the form logic. How long a writer waits for another connection's write lock before giving up. Connections a store keeps open between queries. More are opened while more threads query at the same moment (a reader must not wait behind a writer); they close when handed back. Each costs three descriptors (database, WAL, shared memory) and up to 32 MiB of page cache. Keys that must never appear in a stored request body or draft (compared case-insensitively, with ``-`` and ``_`` removed). The default order of the history view. Forward migrations, applied in order; ``MIGRATIONS[i].version == i + 1``. Never edit a shipped step — append a new one. The schema version this code writes.</extracomment>
        <translation>expiré</translation>
    </message>
    <message>
        <source>open — {time_left}</source>
        <translation>ouvert — {time_left}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Filter history</source>
        <translation>Filtrer l’historique</translation>
    </message>
    <message>
        <source>E-mail, product, offer, session id or amount</source>
        <translation>E-mail, produit, offre, identifiant de session ou montant</translation>
    </message>
    <message>
        <source>Filter: e-mail, product, offer, session id or amount</source>
        <translation>Filtrer : e-mail, produit, offre, session ou montant</translation>
    </message>
    <message>
        <source>Filter the history as you type</source>
        <translation>Filtrer l’historique pendant la saisie</translation>
    </message>
    <message>
        <source>Created links</source>
        <translation>Liens créés</translation>
    </message>
    <message>
        <source>Enter copies the link; Space shows its QR code; Ctrl+R creates it again</source>
        <translation>Entrée copie le lien ; Espace affiche son QR code ; Ctrl+R le crée à nouveau</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
    <message>
        <source>Show &amp;QR code</source>
        <translation>Afficher le &amp;QR code</translation>
    </message>
    <message>
        <source>Create &amp;again</source>
        <translation>&amp;Recréer</translation>
    </message>
    <message>
        <source>Load the same cart or offer into the form, for a fresh link</source>
        <translation>Remet le même panier ou la même offre dans le formulaire, pour un nouveau lien</translation>
    </message>
    <message>
        <source>&amp;Export selected…</source>
        <translation>&amp;Exporter la sélection…</translation>
    </message>
    <message>
        <source>Export &amp;date range…</source>
        <translation>Exporter une &amp;période…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Rec&amp;harger</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>History actions</source>
        <translation>Actions de l’historique</translation>
    </message>
    <message numerus="yes">
        <source>{count} matching</source>
        <translation>
            <numerusform>{count} résultat</numerusform>
            <numerusform>{count} résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} link(s)</source>
        <translation>
            <numerusform>{count} lien</numerusform>
            <numerusform>{count} liens</numerusform>
        </translation>
    </message>
    <message>
        <source>Link of {session} copied ✓</source>
        <translation>Lien de {session} copié ✓</translation>
    </message>
    <message>
        <source>Loaded {session} into the form — press Ctrl+Enter</source>
        <translation>{session} chargé dans le formulaire — appuyez sur Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation>Exporter l’historique en CSV</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Export vers {file}…</translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) exported to {file} ✓</source>
        <translation>
            <numerusform>{count} ligne exportée dans {file} ✓</numerusform>
            <numerusform>{count} lignes exportées dans {file} ✓</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Show or hide the history</source>
        <translation>Afficher ou masquer l’historique</translation>
    </message>
    <message>
        <source>&amp;Go to the history filter</source>
        <translation>&amp;Aller au filtre de l’historique</translation>
    </message>
    <message>
        <source>Go to the history filter</source>
        <translation>Aller au filtre de l’historique</translation>
    </message>
</context>
<context>
    <name>InflowErrors</name>
    <message>
        <source>HTTP {status} with an empty body</source>
        <translation>HTTP {status} avec une réponse vide</translation>
    </message>
    <message>
        <source>HTTP {status} with a non-JSON body</source>
        <translation>HTTP {status} avec une réponse qui n'est pas du JSON</translation>
    </message>
    <message>
        <source>HTTP {status} with an unexpected JSON body</source>
        <translation>HTTP {status} avec une réponse JSON inattendue</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>no supported keychain service was found</source>
        <extracomment>Why a value cannot be an API key (``key_problem``), for saving and for loading. ... and, for a typed key only (:class:`UnusableKeyError`): nothing is left, or not text. Why there is no usable keychain (:attr:`KeyStoreUnavailable.reason`); stored and logged in English, shown with ``translate("KeyStore", reason)``.</extracomment>
        <translation>aucun trousseau système compatible n'a été trouvé</translation>
    </message>
    <message>
        <source>the keychain is turned off in the settings</source>
        <translation>le trousseau est désactivé dans les réglages</translation>
    </message>
    <message>
        <source>the keychain could not be opened</source>
        <translation>impossible d'ouvrir le trousseau</translation>
    </message>
    <message>
        <source>the configured keychain backend does not exist</source>
        <translation>le trousseau configuré n'existe pas</translation>
    </message>
    <message>
        <source>the configured keychain service is not running</source>
        <translation>le service de trousseau configuré n'est pas lancé</translation>
    </message>
    <message>
        <source>memory (this run only)</source>
        <translation>mémoire (cette session seulement)</translation>
    </message>
    <message>
        <source>unavailable: {reason}</source>
        <translation>indisponible : {reason}</translation>
    </message>
</context>
<context>
    <name>LastCart</name>
    <message>
        <source>Last cart of {email}</source>
        <translation>Dernier panier de {email}</translation>
    </message>
    <message numerus="yes">
        <source>{items} + %n more</source>
        <translation>
            <numerusform>{items} + %n autre</numerusform>
            <numerusform>{items} + %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Last cart for this e-mail ({day}): {items}, {total} — Ctrl+Shift+O puts it in</source>
        <translation>Dernier panier pour cet e-mail ({day}) : {items}, {total} — Ctrl+Maj+O pour le reprendre</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Create link   Ctrl+Enter</source>
        <translation>Créer le lien   Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Creating the link — Ctrl+Shift+N clears the form once it is there</source>
        <translation>Création du lien en cours — Ctrl+Maj+N videra le formulaire une fois le lien affiché</translation>
    </message>
    <message>
        <source>Waiting for the offers — the link is created when they arrive (Esc cancels)</source>
        <translation>En attente des offres — le lien sera créé dès leur arrivée (Échap pour annuler)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The menu-bar menus, by the (English) title other modules ask :meth:`MainWindow.menu` for; the bar shows each translated.</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Démo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <extracomment>The environment badge's word, in the agent's language (the stored value stays English).</extracomment>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>BAC À SABLE</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>PERSONNALISÉ</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DÉMO</translation>
    </message>
    <message>
        <source>subscription offer</source>
        <translation>offre d’abonnement</translation>
    </message>
    <message>
        <source>Subscription: {name}</source>
        <translation>Abonnement : {name}</translation>
    </message>
    <message>
        <source>{quantity} × {name}</source>
        <translation>{quantity} × {name}</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n autre</numerusform>
            <numerusform>+ %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer: {email}</source>
        <translation>Client : {email}</translation>
    </message>
    <message>
        <source>No customer e-mail</source>
        <translation>Pas d’e-mail client</translation>
    </message>
    <message>
        <source>DEMO — no real payments. Links come from a local emulator.</source>
        <extracomment>Anything the agent typed changed (for draft autosave).</extracomment>
        <translation>DÉMO — aucun paiement réel. Les liens viennent d’un émulateur local.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Mode démo</translation>
    </message>
    <message>
        <source>Merchant account</source>
        <translation>Compte marchand</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Type de paiement</translation>
    </message>
    <message>
        <source>One-time payment or subscription</source>
        <translation>Paiement unique ou abonnement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Create checkout link</source>
        <translation>Créer le lien de paiement</translation>
    </message>
    <message>
        <source>Sends the cart or the offer to Inflow and shows the link</source>
        <translation>Envoie le panier ou l’offre à Inflow et affiche le lien</translation>
    </message>
    <message>
        <source>Create the checkout link</source>
        <translation>Créer le lien de paiement</translation>
    </message>
    <message>
        <source>Cancel   Esc</source>
        <translation>Annuler   Échap</translation>
    </message>
    <message>
        <source>Cancel creating the link</source>
        <translation>Annuler la création du lien</translation>
    </message>
    <message>
        <source>Stop waiting for Inflow</source>
        <translation>Ne plus attendre Inflow</translation>
    </message>
    <message>
        <source>New link (Ctrl+Shift+N)</source>
        <translation>Nouveau lien (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Copy the link automatically after creating it</source>
        <translation>Copier le lien automatiquement après sa création</translation>
    </message>
    <message>
        <source>Inflow Desk — {account}</source>
        <translation>Inflow Desk — {account}</translation>
    </message>
    <message>
        <source>Merchant: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Marchand : &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Environment: {environment}</source>
        <translation>Environnement : {environment}</translation>
    </message>
    <message>
        <source>{environment}: {address}</source>
        <translation>{environment} : {address}</translation>
    </message>
    <message>
        <source>Nothing was sent. Fix the highlighted field.</source>
        <translation>Rien n’a été envoyé. Corrigez le champ signalé.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent. Fix the %n highlighted fields.</source>
        <translation>
            <numerusform>Rien n’a été envoyé. Corrigez le champ signalé.</numerusform>
            <numerusform>Rien n’a été envoyé. Corrigez les %n champs signalés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Link created ✓</source>
        <translation>Lien créé ✓</translation>
    </message>
    <message>
        <source>Check the link ⚠</source>
        <translation>Vérifiez le lien ⚠</translation>
    </message>
    <message>
        <source>Link refused ✗</source>
        <translation>Lien refusé ✗</translation>
    </message>
    <message>
        <source>Not created: cancelled while the offers loaded</source>
        <translation>Non créé : annulé pendant le chargement des offres</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Contacting Inflow…</source>
        <translation>Connexion à Inflow…</translation>
    </message>
</context>
<context>
    <name>MessageTemplates</name>
    <message>
        <source>the checkout link</source>
        <extracomment>Every placeholder a template may use, with what it stands for (Settings shows this list). (The descriptions in English: :func:`placeholder_description` words one in the app's language.)</extracomment>
        <translation>le lien de paiement</translation>
    </message>
    <message>
        <source>what the link charges, e.g. €49.99</source>
        <translation>le montant du lien, par ex. 49,99 €</translation>
    </message>
    <message>
        <source>the cart (2 × Starter kit, 1 × Cable) or the offer's name</source>
        <translation>le panier (2 × Kit de démarrage, 1 × Câble) ou le nom de l’offre</translation>
    </message>
    <message>
        <source>the subscription offer's name (empty for a cart)</source>
        <translation>le nom de l’offre d’abonnement (vide pour un panier)</translation>
    </message>
    <message>
        <source>when the link stops working, e.g. 15:42</source>
        <translation>l’heure où le lien expire, par ex. 15:42</translation>
    </message>
    <message>
        <source>how long it works from now, e.g. 58 min</source>
        <translation>le temps qu’il reste, par ex. 58 min</translation>
    </message>
    <message>
        <source>the merchant account's name</source>
        <translation>le nom du compte marchand</translation>
    </message>
    <message>
        <source>the customer's e-mail address (empty when none was typed)</source>
        <translation>l’adresse e-mail du client (vide si elle n’a pas été saisie)</translation>
    </message>
    <message>
        <source>Hello,

here is your secure payment link for {items} ({amount}):
{link}

It works until {expires_at} ({expires_in} from now).

Kind regards,
{merchant}</source>
        <extracomment>The default templates' English text (the source of their translations): what :func:`default_templates` gives in the app's language.</extracomment>
        <translation>Bonjour,

Voici votre lien de paiement sécurisé pour {items} ({amount}) :
{link}

Il est valable jusqu’à {expires_at} (encore {expires_in}).

Bien cordialement,
{merchant}</translation>
    </message>
    <message>
        <source>{merchant}: pay {amount} at {link} (valid until {expires_at})</source>
        <translation>{merchant} : payez {amount} sur {link} (valable jusqu'à {expires_at})</translation>
    </message>
    <message>
        <source>Your payment link from {merchant}</source>
        <translation>Votre lien de paiement {merchant}</translation>
    </message>
    <message>
        <source>A brace is not closed: write {{ or }} for a brace in the text.</source>
        <translation>Une accolade n’est pas fermée : écrivez {{ ou }} pour une accolade dans le texte.</translation>
    </message>
    <message>
        <source>An empty {} is not a placeholder: write {{}} for braces in the text.</source>
        <translation>Des accolades vides {} ne sont pas un champ : écrivez {{}} pour des accolades dans le texte.</translation>
    </message>
    <message>
        <source>{{{name}…}}: a placeholder is written as {{name}}, nothing more.</source>
        <translation>{{{name}…}} : un champ s’écrit {{nom}}, sans rien d’autre.</translation>
    </message>
    <message numerus="yes">
        <source>Unknown placeholder(s) {names}. Known: {known}.</source>
        <translation>
            <numerusform>Champ inconnu : {names}. Champs possibles : {known}.</numerusform>
            <numerusform>Champs inconnus : {names}. Champs possibles : {known}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>'{typed}' is not an amount</source>
        <translation>« {typed} » n'est pas un montant</translation>
    </message>
    <message>
        <source>'{typed}' mixes different thousands separators</source>
        <translation>« {typed} » mélange plusieurs séparateurs de milliers</translation>
    </message>
    <message>
        <source>'{typed}' has thousands separators in the wrong places</source>
        <translation>« {typed} » a des séparateurs de milliers mal placés</translation>
    </message>
    <message>
        <source>Enter a price</source>
        <translation>Saisissez un prix</translation>
    </message>
    <message>
        <source>'{typed}' mixes two currencies</source>
        <translation>« {typed} » mélange deux devises</translation>
    </message>
    <message>
        <source>'{typed}' is in {currency}, but this cart is in {cart}</source>
        <translation>« {typed} » est en {currency}, mais ce panier est en {cart}</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>Un prix ne peut pas être négatif</translation>
    </message>
    <message>
        <source>'{typed}' is ambiguous: write {whole} for the whole amount, or use at most two decimals</source>
        <translation>« {typed} » est ambigu : écrivez {whole} pour le montant entier, ou mettez deux décimales au plus</translation>
    </message>
    <message>
        <source>'{typed}' has more than two decimal places</source>
        <translation>« {typed} » a plus de deux décimales</translation>
    </message>
</context>
<context>
    <name>Offers</name>
    <message>
        <source>Subscribe link</source>
        <extracomment>The label of the permanent link's row in :func:`offer_detail_rows` (compare it with :func:`subscribe_link_label`, which is what the rows hold in the agent's language).</extracomment>
        <translation>Lien d'abonnement</translation>
    </message>
    <message>
        <source>/ day</source>
        <extracomment>``/ month`` (one interval) and ``every {count} months`` (two or more), per known interval.</extracomment>
        <translation>/ jour</translation>
    </message>
    <message>
        <source>every {count} days</source>
        <translation>tous les {count} jours</translation>
    </message>
    <message>
        <source>/ week</source>
        <translation>/ semaine</translation>
    </message>
    <message>
        <source>every {count} weeks</source>
        <translation>toutes les {count} semaines</translation>
    </message>
    <message>
        <source>/ month</source>
        <translation>/ mois</translation>
    </message>
    <message>
        <source>every {count} months</source>
        <translation>tous les {count} mois</translation>
    </message>
    <message>
        <source>/ year</source>
        <translation>/ an</translation>
    </message>
    <message>
        <source>every {count} years</source>
        <translation>tous les {count} ans</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Labels of the documented fields, in the order the details show them.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Offer ID</source>
        <translation>ID de l'offre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Périodicité</translation>
    </message>
    <message>
        <source>Interval count</source>
        <translation>Nombre de périodes</translation>
    </message>
    <message>
        <source>Free trial</source>
        <translation>Essai gratuit</translation>
    </message>
    <message>
        <source>First payment (entry fee)</source>
        <translation>Premier paiement (frais d'entrée)</translation>
    </message>
    <message>
        <source>Number of payments</source>
        <translation>Nombre de paiements</translation>
    </message>
    <message>
        <source>Pricing mode</source>
        <translation>Mode de prix</translation>
    </message>
    <message>
        <source>Waitlist (manual approval)</source>
        <translation>Liste d'attente (validation manuelle)</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <source>Extra customer info needed</source>
        <translation>Infos client supplémentaires requises</translation>
    </message>
    <message>
        <source>Success URL</source>
        <translation>URL de succès</translation>
    </message>
    <message>
        <source>Cancel URL</source>
        <translation>URL d'annulation</translation>
    </message>
    <message>
        <source>Discord server ID</source>
        <translation>ID du serveur Discord</translation>
    </message>
    <message>
        <source>Discord role ID</source>
        <translation>ID du rôle Discord</translation>
    </message>
    <message>
        <source>Checkout customization</source>
        <translation>Personnalisation du paiement</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>tax exclusive (tax added on top)</source>
        <translation>HT (taxes ajoutées en plus)</translation>
    </message>
    <message>
        <source>tax inclusive</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>/ {interval}</source>
        <translation>/ {interval}</translation>
    </message>
    <message>
        <source>every {count} × {interval}</source>
        <translation>tous les {count} × {interval}</translation>
    </message>
    <message>
        <source>price not listed ({interval})</source>
        <translation>prix non indiqué ({interval})</translation>
    </message>
    <message>
        <source>price not listed</source>
        <translation>prix non indiqué</translation>
    </message>
    <message>
        <source>{amount} {interval}</source>
        <translation>{amount} {interval}</translation>
    </message>
    <message>
        <source>1-day free trial</source>
        <translation>essai gratuit de 1 jour</translation>
    </message>
    <message>
        <source>{days}-day free trial</source>
        <translation>essai gratuit de {days} jours</translation>
    </message>
    <message>
        <source>first payment {amount}</source>
        <translation>premier paiement {amount}</translation>
    </message>
    <message>
        <source>1 payment</source>
        <translation>1 paiement</translation>
    </message>
    <message>
        <source>{count} payments</source>
        <translation>{count} paiements</translation>
    </message>
    <message>
        <source>waitlist</source>
        <translation>liste d'attente</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivée</translation>
    </message>
    <message>
        <source>(unnamed offer)</source>
        <translation>(offre sans nom)</translation>
    </message>
    <message>
        <source>{offer} — {terms}</source>
        <translation>{offer} — {terms}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>“{pasted}” is not an offer ID or a subscribe link: paste an ID like offer_9fK21, or a link {link}…</source>
        <extracomment>A bare id as Inflow's examples write them: ``offer_`` and letters, digits, ``_``, ``-``.</extracomment>
        <translation>« {pasted} » n'est ni un ID d'offre ni un lien d'abonnement : collez un ID comme offer_9fK21, ou un lien {link}…</translation>
    </message>
</context>
<context>
    <name>OneTimeForm</name>
    <message>
        <source>One-time payment</source>
        <translation>Paiement unique</translation>
    </message>
    <message>
        <source>Cart line items</source>
        <translation>Articles du panier</translation>
    </message>
    <message>
        <source>Product, unit price and quantity per line; Enter adds a line, Tab moves on</source>
        <translation>Produit, prix unitaire et quantité par ligne ; Entrée ajoute une ligne, Tab passe au champ suivant</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Duplicate line</source>
        <translation>Dupliquer la ligne</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>{code} ({symbol})</source>
        <translation>{code} ({symbol})</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>De&amp;vise</translation>
    </message>
    <message>
        <source>Cart total</source>
        <translation>Total du panier</translation>
    </message>
    <message>
        <source>Cart problem</source>
        <translation>Problème dans le panier</translation>
    </message>
    <message>
        <source>create the link</source>
        <translation>créer le lien</translation>
    </message>
    <message>
        <source>(lines without a valid price not counted)</source>
        <translation>(lignes sans prix valide non comptées)</translation>
    </message>
    <message>
        <source>Total &lt;b style='{style}'&gt;{amount}&lt;/b&gt; &lt;span style='{muted}'&gt;excl. tax&lt;/span&gt;</source>
        <translation>Total &lt;b style='{style}'&gt;{amount}&lt;/b&gt; &lt;span style='{muted}'&gt;HT&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Total {amount} excluding tax</source>
        <translation>Total {amount} hors taxes</translation>
    </message>
    <message numerus="yes">
        <source>  (and %n more)</source>
        <translation>
            <numerusform>  (et %n autre)</numerusform>
            <numerusform>  (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <source>Row {row} · {column}: {problem}</source>
        <translation>Ligne {row} · {column} : {problem}</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <source>15 minutes</source>
        <extracomment>(label, hours) presets of the expiry combo; the last entry is "Custom". The labels are translated where the combo is filled (``translate("OptionsForm", label)``).</extracomment>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 heures</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisé…</translation>
    </message>
    <message>
        <source>Customer &amp;&amp; options</source>
        <translation>Client &amp;&amp; options</translation>
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation>E-mail du client</translation>
    </message>
    <message>
        <source>optional — pre-fills the checkout</source>
        <translation>facultatif — prérempli sur la page de paiement</translation>
    </message>
    <message>
        <source>Customer e-mail problem</source>
        <translation>Problème d’e-mail du client</translation>
    </message>
    <message>
        <source>Link expiry preset</source>
        <translation>Durée de validité prédéfinie</translation>
    </message>
    <message>
        <source>Link expiry in hours</source>
        <translation>Durée de validité en heures</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Hours until the link expires: at least {minimum} (15 minutes), at most {maximum}.</source>
        <translation>Nombre d’heures avant l’expiration du lien : au moins {minimum} (15 minutes), au plus {maximum}.</translation>
    </message>
    <message>
        <source>Link expiry problem</source>
        <translation>Problème de durée de validité</translation>
    </message>
    <message>
        <source>Success URL</source>
        <translation>URL de succès</translation>
    </message>
    <message>
        <source>https://… where the customer lands after paying (optional)</source>
        <translation>https://… page où arrive le client après avoir payé (facultatif)</translation>
    </message>
    <message>
        <source>Success URL problem</source>
        <translation>Problème d’URL de succès</translation>
    </message>
    <message>
        <source>Cancel URL</source>
        <translation>URL d’annulation</translation>
    </message>
    <message>
        <source>https://… where the customer lands after cancelling (optional)</source>
        <translation>https://… page où arrive le client s’il annule (facultatif)</translation>
    </message>
    <message>
        <source>Cancel URL problem</source>
        <translation>Problème d’URL d’annulation</translation>
    </message>
    <message>
        <source>Customer &amp;e-mail</source>
        <translation>&amp;E-mail du client</translation>
    </message>
    <message>
        <source>E&amp;xpires after</source>
        <translation>E&amp;xpire dans</translation>
    </message>
    <message>
        <source>&amp;Success URL</source>
        <translation>URL de &amp;succès</translation>
    </message>
    <message>
        <source>Cance&amp;l URL</source>
        <translation>URL d’annu&amp;lation</translation>
    </message>
</context>
<context>
    <name>PaymentStatus</name>
    <message>
        <source>Waiting for payment…</source>
        <translation>En attente de paiement…</translation>
    </message>
    <message>
        <source>Expired — no payment seen</source>
        <translation>Expiré — aucun paiement reçu</translation>
    </message>
    <message>
        <source>amount</source>
        <extracomment>What a match rests on (``LinkMatch.basis``, kept in the history as ``"amount, time"``), as the agent reads it: "only the amount and time agree".</extracomment>
        <translation>le montant</translation>
    </message>
    <message>
        <source>time</source>
        <translation>l’heure</translation>
    </message>
    <message>
        <source>email</source>
        <translation>l’e-mail</translation>
    </message>
    <message>
        <source>products</source>
        <translation>les produits</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>l’offre</translation>
    </message>
    <message>
        <source>subscription</source>
        <translation>l’abonnement</translation>
    </message>
    <message>
        <source>session read</source>
        <translation>la lecture de la session</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <extracomment>Facts that confirm a match (``domain.payments``: the e-mail, products, offer or subscription agree; a session read is Inflow's own answer).</extracomment>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <source>{facts}; also fits {others}</source>
        <translation>{facts} ; correspond aussi à {others}</translation>
    </message>
    <message>
        <source>paid ✓ {time}</source>
        <translation>payé ✓ {time}</translation>
    </message>
    <message>
        <source>waiting for payment</source>
        <translation>en attente de paiement</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>Paid ✓ {time}</source>
        <translation>Payé ✓ {time}</translation>
    </message>
    <message>
        <source>Payment started — the customer is paying…</source>
        <translation>Paiement commencé — le client est en train de payer…</translation>
    </message>
    <message>
        <source>payment started</source>
        <translation>paiement commencé</translation>
    </message>
    <message>
        <source>Payment failed at {time} — the customer can try again with the same link</source>
        <translation>Échec du paiement à {time} — le client peut réessayer avec le même lien</translation>
    </message>
    <message>
        <source>failed {time}</source>
        <translation>échec {time}</translation>
    </message>
    <message>
        <source>Paid, then refund: {status}</source>
        <translation>Payé, puis remboursement : {status}</translation>
    </message>
    <message>
        <source>refund: {status}</source>
        <translation>remboursement : {status}</translation>
    </message>
    <message>
        <source>Payment status: {status}</source>
        <translation>Statut du paiement : {status}</translation>
    </message>
    <message>
        <source>A payment of {amount} at {time} fits this link and also: {others} — check which in Inflow's dashboard</source>
        <translation>Un paiement de {amount} à {time} correspond à ce lien mais aussi à : {others} — vérifiez lequel dans le tableau de bord Inflow</translation>
    </message>
    <message>
        <source>A failed payment of {amount} at {time} fits this link and also: {others} — check which in Inflow's dashboard</source>
        <translation>Un paiement échoué de {amount} à {time} correspond à ce lien mais aussi à : {others} — vérifiez lequel dans le tableau de bord Inflow</translation>
    </message>
    <message>
        <source>A payment ({status}) of {amount} at {time} fits this link and also: {others} — check which in Inflow's dashboard</source>
        <translation>Un paiement ({status}) de {amount} à {time} correspond à ce lien mais aussi à : {others} — vérifiez lequel dans le tableau de bord Inflow</translation>
    </message>
    <message>
        <source>A payment of {amount} arrived at {time} — probably this link (only the {facts} agree)</source>
        <translation>Un paiement de {amount} est arrivé à {time} — sans doute pour ce lien (seuls {facts} concordent)</translation>
    </message>
    <message>
        <source>ambiguous: {status}</source>
        <translation>ambigu : {status}</translation>
    </message>
    <message>
        <source>probably paid {time}</source>
        <extracomment>The history column's short texts (their text before any field) and the chip each draws.</extracomment>
        <translation>sans doute payé {time}</translation>
    </message>
</context>
<context>
    <name>PaymentsFeature</name>
    <message>
        <source>subscription</source>
        <extracomment>``(session_id, "paid" | "failed")``: the demo emulator's customer (app.py supplies it).</extracomment>
        <translation>abonnement</translation>
    </message>
    <message>
        <source>{amount} for {email} of {time}</source>
        <translation>{amount} pour {email} de {time}</translation>
    </message>
    <message>
        <source>{amount} of {time}</source>
        <translation>{amount} de {time}</translation>
    </message>
    <message>
        <source>Payment status of this link</source>
        <extracomment>The window talks to another account (``Account``): its earlier open links may be restored.</extracomment>
        <translation>Statut du paiement de ce lien</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Ask Inflow for this link's payment</source>
        <translation>Demander à Inflow où en est le paiement de ce lien</translation>
    </message>
    <message>
        <source>Check the payment now</source>
        <translation>Vérifier le paiement maintenant</translation>
    </message>
    <message>
        <source>Asks Inflow whether this link was paid</source>
        <translation>Demande à Inflow si ce lien a été payé</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Statut du paiement</translation>
    </message>
    <message>
        <source>Check payment now ({keys})</source>
        <translation>Vérifier le paiement ({keys})</translation>
    </message>
    <message>
        <source>Matched on: {facts}</source>
        <translation>Correspondance : {facts}</translation>
    </message>
    <message>
        <source>Payment {id}</source>
        <translation>Paiement {id}</translation>
    </message>
    <message>
        <source>{status} (link {link}) — {account}</source>
        <translation>{status} (lien {link}) — {account}</translation>
    </message>
    <message>
        <source>{status} — {account}</source>
        <translation>{status} — {account}</translation>
    </message>
    <message>
        <source>Inflow Desk: link paid</source>
        <translation>Inflow Desk : lien payé</translation>
    </message>
    <message>
        <source>Simulate: customer pays</source>
        <translation>Simuler : le client paie</translation>
    </message>
    <message>
        <source>Simulate: payment fails</source>
        <translation>Simuler : le paiement échoue</translation>
    </message>
    <message>
        <source>simulate the payment</source>
        <translation>simuler le paiement</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>cannot be read ({error})</source>
        <extracomment>What can be wrong in a policy file (English; shown translated by :meth:`PolicyError.shown`).</extracomment>
        <translation>illisible ({error})</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>n'est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>not valid TOML: {problem}</source>
        <translation>TOML non valide : {problem}</translation>
    </message>
    <message>
        <source>names a profile a second time</source>
        <translation>nomme un profil une deuxième fois</translation>
    </message>
    <message>
        <source>a custom profile needs its url</source>
        <translation>un profil personnalisé doit avoir son url</translation>
    </message>
    <message>
        <source>custom addresses are forbidden by this policy</source>
        <translation>les adresses personnalisées sont interdites par cette politique</translation>
    </message>
    <message>
        <source>only a custom profile has a url</source>
        <translation>seul un profil personnalisé a une url</translation>
    </message>
    <message>
        <source>“{profile}” is not a profile of this policy</source>
        <translation>« {profile} » n'est pas un profil de cette politique</translation>
    </message>
    <message>
        <source>is not a policy field</source>
        <translation>n'est pas un champ de la politique</translation>
    </message>
    <message>
        <source>{path}, line {line}</source>
        <translation>{path}, ligne {line}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field} : {problem}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where} : {problem}</translation>
    </message>
</context>
<context>
    <name>PolicyForm</name>
    <message>
        <source>{managed}: {currencies}</source>
        <translation>{managed} : {currencies}</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>PRODUCTION</source>
        <extracomment>The environment in words, upper case as on the badges (``PRODUCTION``, ``DEMO``).</extracomment>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>PERSONNALISÉ</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DÉMO</translation>
    </message>
    <message>
        <source>its stored name is missing or not valid</source>
        <extracomment>A stored profile whose name cannot be used (stored and compared as is; shown translated).</extracomment>
        <translation>son nom enregistré manque ou n'est pas valide</translation>
    </message>
    <message>
        <source>Enter a name for the profile</source>
        <translation>Saisissez un nom pour le profil</translation>
    </message>
    <message>
        <source>Use at most {limit} characters</source>
        <translation>{limit} caractères au maximum</translation>
    </message>
    <message>
        <source>Remove the spaces at the start or end of the name</source>
        <translation>Retirez les espaces au début ou à la fin du nom</translation>
    </message>
    <message>
        <source>Use only letters, digits, spaces, '-', '_' and '.' (not {character})</source>
        <translation>Uniquement des lettres, des chiffres, des espaces, « - », « _ » et « . » (pas {character})</translation>
    </message>
    <message>
        <source>Enter the API address, starting with https://</source>
        <translation>Saisissez l'adresse de l'API, commençant par https://</translation>
    </message>
    <message>
        <source>Remove the spaces or invisible characters from the address</source>
        <translation>Retirez les espaces ou caractères invisibles de l'adresse</translation>
    </message>
    <message>
        <source>This is not a valid address</source>
        <translation>Cette adresse n'est pas valide</translation>
    </message>
    <message>
        <source>Enter the full address, starting with https://</source>
        <translation>Saisissez l'adresse complète, commençant par https://</translation>
    </message>
    <message>
        <source>Use an address starting with https://</source>
        <translation>Utilisez une adresse commençant par https://</translation>
    </message>
    <message>
        <source>The address has no host name</source>
        <translation>L'adresse n'a pas de nom d'hôte</translation>
    </message>
    <message>
        <source>Remove the user name and password from the address</source>
        <translation>Retirez le nom d'utilisateur et le mot de passe de l'adresse</translation>
    </message>
    <message>
        <source>Remove the part after '?' or '#' from the address</source>
        <translation>Retirez de l'adresse la partie après « ? » ou « # »</translation>
    </message>
    <message>
        <source>This is not a valid port number</source>
        <translation>Ce numéro de port n'est pas valide</translation>
    </message>
    <message>
        <source>Use https:// — plain http is only allowed for this computer (localhost)</source>
        <translation>Utilisez https:// — le http simple n'est permis que pour cet ordinateur (localhost)</translation>
    </message>
    <message>
        <source>needs attention: {problem} — open Settings</source>
        <extracomment>Checkout hosts this profile trusts besides Inflow's own ``checkout.inflowpay.com`` (``host`` or ``host:port``, normalised; see ``domain.checkout_url``), e.g. the checkout page of a custom or sandbox server. A link to any other host is held back or refused.</extracomment>
        <translation>à vérifier : {problem} — ouvrez les Paramètres</translation>
    </message>
    <message>
        <source>The profile “{profile}” {attention}</source>
        <translation>Le profil « {profile} » est {attention}</translation>
    </message>
    <message>
        <source>{profile} — NEEDS ATTENTION</source>
        <translation>{profile} — À VÉRIFIER</translation>
    </message>
    <message>
        <source>{profile} — {environment} ({host})</source>
        <translation>{profile} — {environment} ({host})</translation>
    </message>
    <message>
        <source>{profile} — {environment}</source>
        <translation>{profile} — {environment}</translation>
    </message>
</context>
<context>
    <name>ProfilesStore</name>
    <message>
        <source>the settings file could not be read</source>
        <translation>le fichier de paramètres est illisible</translation>
    </message>
    <message>
        <source>the settings file could not be read completely</source>
        <translation>le fichier de paramètres n’a pu être lu qu’en partie</translation>
    </message>
    <message>
        <source>the list of profiles in the settings could not be read</source>
        <translation>la liste des profils dans les paramètres est illisible</translation>
    </message>
    <message>
        <source>it uses a custom address, which your organisation does not allow</source>
        <translation>il utilise une adresse personnalisée, ce que votre organisation n’autorise pas</translation>
    </message>
    <message>
        <source>a stored profile without a valid name was left out</source>
        <translation>un profil enregistré sans nom valide a été écarté</translation>
    </message>
    <message>
        <source>the profile “{profile}”: {problem}</source>
        <translation>le profil « {profile} » : {problem}</translation>
    </message>
    <message>
        <source>A profile called “{profile}” already exists</source>
        <translation>Un profil nommé « {profile} » existe déjà</translation>
    </message>
    <message>
        <source>The profile “{profile}” is managed by your organisation and cannot be changed here</source>
        <extracomment>The organisation's policy: its profiles come first and cannot be edited; it may forbid adding/removing profiles and custom addresses (``storage/policy.py``). What was stored for each profile that needs attention (casefolded name → item). Why the whole list could not be read (None: it could, or there is none yet). What was found damaged: (English template, its named fields), for the log and, translated, for the window. Where the damaged settings file was copied (None: nothing damaged, or no file).</extracomment>
        <translation>Le profil « {profile} » est géré par votre organisation et ne peut pas être modifié ici</translation>
    </message>
    <message>
        <source>Your organisation does not allow custom API addresses</source>
        <translation>Votre organisation n’autorise pas les adresses d’API personnalisées</translation>
    </message>
    <message>
        <source>A copy of the settings file was kept as {path}.</source>
        <translation>Une copie du fichier de paramètres a été conservée : {path}.</translation>
    </message>
    <message>
        <source>The settings could not be copied aside (see the log).</source>
        <translation>Les paramètres n’ont pas pu être mis de côté (voir le journal).</translation>
    </message>
    <message>
        <source>Damaged settings: {found}. {kept} Open Settings (Ctrl+,) to check the profiles.</source>
        <translation>Paramètres endommagés : {found}. {kept} Ouvrez les Paramètres (Ctrl+,) pour vérifier les profils.</translation>
    </message>
    <message>
        <source>Your organisation does not allow adding profiles</source>
        <translation>Votre organisation n’autorise pas l’ajout de profils</translation>
    </message>
    <message>
        <source>Your organisation does not allow removing this profile</source>
        <translation>Votre organisation n’autorise pas la suppression de ce profil</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Alfa</source>
        <extracomment>Characters the agent's locale puts in amounts and French text that GSM-7 does not have, and what an SMS says instead (``1 299,50 €`` has two no-break spaces in French). Each character's word on the phone (the words in English: :func:`spell_word` says them in the app's language; the letters' code words are the same in every language).</extracomment>
        <translation>Alfa</translation>
    </message>
    <message>
        <source>Bravo</source>
        <translation>Bravo</translation>
    </message>
    <message>
        <source>Charlie</source>
        <translation>Charlie</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Delta</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>Echo</translation>
    </message>
    <message>
        <source>Foxtrot</source>
        <translation>Foxtrot</translation>
    </message>
    <message>
        <source>Golf</source>
        <translation>Golf</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <source>Juliett</source>
        <translation>Juliett</translation>
    </message>
    <message>
        <source>Kilo</source>
        <translation>Kilo</translation>
    </message>
    <message>
        <source>Lima</source>
        <translation>Lima</translation>
    </message>
    <message>
        <source>Mike</source>
        <translation>Mike</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>Oscar</source>
        <translation>Oscar</translation>
    </message>
    <message>
        <source>Papa</source>
        <translation>Papa</translation>
    </message>
    <message>
        <source>Quebec</source>
        <translation>Québec</translation>
    </message>
    <message>
        <source>Romeo</source>
        <translation>Roméo</translation>
    </message>
    <message>
        <source>Sierra</source>
        <translation>Sierra</translation>
    </message>
    <message>
        <source>Tango</source>
        <translation>Tango</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniform</translation>
    </message>
    <message>
        <source>Victor</source>
        <translation>Victor</translation>
    </message>
    <message>
        <source>Whiskey</source>
        <translation>Whiskey</translation>
    </message>
    <message>
        <source>X-ray</source>
        <translation>X-ray</translation>
    </message>
    <message>
        <source>Yankee</source>
        <translation>Yankee</translation>
    </message>
    <message>
        <source>Zulu</source>
        <translation>Zulu</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>zéro</translation>
    </message>
    <message>
        <source>One</source>
        <translation>un</translation>
    </message>
    <message>
        <source>Two</source>
        <translation>deux</translation>
    </message>
    <message>
        <source>Three</source>
        <translation>trois</translation>
    </message>
    <message>
        <source>Four</source>
        <translation>quatre</translation>
    </message>
    <message>
        <source>Five</source>
        <translation>cinq</translation>
    </message>
    <message>
        <source>Six</source>
        <translation>six</translation>
    </message>
    <message>
        <source>Seven</source>
        <translation>sept</translation>
    </message>
    <message>
        <source>Eight</source>
        <translation>huit</translation>
    </message>
    <message>
        <source>Nine</source>
        <translation>neuf</translation>
    </message>
    <message>
        <source>underscore</source>
        <translation>tiret bas</translation>
    </message>
    <message>
        <source>dash</source>
        <translation>tiret</translation>
    </message>
    <message>
        <source>dot</source>
        <translation>point</translation>
    </message>
    <message>
        <source>slash</source>
        <translation>barre oblique</translation>
    </message>
    <message>
        <source>“{character}”</source>
        <translation>« {character} »</translation>
    </message>
    <message>
        <source>capital {letter}</source>
        <translation>{letter} majuscule</translation>
    </message>
    <message>
        <source>{quantity} × {name} at {price} each</source>
        <translation>{quantity} × {name} à {price} l’unité</translation>
    </message>
    <message>
        <source>{quantity} × {name} at {price}</source>
        <translation>{quantity} × {name} à {price}</translation>
    </message>
    <message>
        <source>{total} in total.</source>
        <translation>{total} au total.</translation>
    </message>
    <message>
        <source>{items}, and {last}</source>
        <translation>{items} et {last}</translation>
    </message>
    <message>
        <source>You will pay for {items}: {total} in total.</source>
        <translation>Vous allez régler {items}, soit {total} au total.</translation>
    </message>
    <message>
        <source>per {interval}</source>
        <translation>par {interval}</translation>
    </message>
    <message>
        <source>{amount} {interval}</source>
        <translation>{amount} {interval}</translation>
    </message>
    <message>
        <source>a price not listed here</source>
        <translation>un prix qui n’est pas indiqué ici</translation>
    </message>
    <message>
        <source>This is the {name} subscription: {price}.</source>
        <translation>Il s’agit de l’abonnement {name} : {price}.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n day(s) are free; nothing is charged before then.</source>
        <translation>
            <numerusform>Le premier jour est gratuit ; rien n’est prélevé avant.</numerusform>
            <numerusform>Les %n premiers jours sont gratuits ; rien n’est prélevé avant.</numerusform>
        </translation>
    </message>
    <message>
        <source>After the trial you pay {price}, unless you cancel before it ends.</source>
        <translation>Après l’essai, vous payez {price}, sauf si vous résiliez avant la fin.</translation>
    </message>
    <message>
        <source>After the trial the subscription is charged, unless you cancel before it ends.</source>
        <translation>Après l’essai, l’abonnement est facturé, sauf si vous résiliez avant la fin.</translation>
    </message>
    <message>
        <source>The first payment is {fee} instead of the regular charge.</source>
        <translation>Le premier paiement est de {fee} au lieu du montant habituel.</translation>
    </message>
    <message>
        <source>It ends after {cycles}.</source>
        <translation>Il prend fin après {cycles}.</translation>
    </message>
    <message>
        <source>It renews until you cancel.</source>
        <translation>Il se renouvelle tant que vous ne le résiliez pas.</translation>
    </message>
</context>
<context>
    <name>ReadAloudCard</name>
    <message>
        <source>Read aloud</source>
        <translation>Lire à voix haute</translation>
    </message>
    <message>
        <source>What to read</source>
        <translation>Ce qu’il faut lire</translation>
    </message>
    <message>
        <source>Session {session}:</source>
        <translation>Session {session} :</translation>
    </message>
    <message>
        <source>Session id, spelled</source>
        <translation>Identifiant de session, épelé</translation>
    </message>
    <message>
        <source>Close   Esc</source>
        <translation>Fermer   Échap</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Copied ✓ — paste it into the chat, SMS or e-mail</source>
        <extracomment>The QR code's box: a checkout link's code (41 or 45 modules with the quiet zone) is drawn at 3 px a module (123 or 135 px), as it was in a 160 px box; the box no longer keeps the unused rest (the card's rows above it need the height). F11 shows it big.</extracomment>
        <translation>Copié ✓ — collez-le dans le chat, le SMS ou l’e-mail</translation>
    </message>
    <message>
        <source>⚠ Previous cart: this link is for the cart as it was. Press Ctrl+Enter for a link for the form as it is now.</source>
        <translation>⚠ Panier précédent : ce lien correspond au panier d’avant. Appuyez sur Ctrl+Entrée pour un lien du formulaire actuel.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Copy anyway</source>
        <translation>Copier quand même</translation>
    </message>
    <message>
        <source>No QR code:
this link is not trusted.</source>
        <translation>Pas de code QR :
ce lien n’est pas fiable.</translation>
    </message>
    <message>
        <source>draw the QR code</source>
        <translation>générer le code QR</translation>
    </message>
    <message>
        <source>Scan to pay</source>
        <translation>Scannez pour payer</translation>
    </message>
    <message>
        <source>QR code of the checkout link, enlarged</source>
        <translation>Code QR du lien de paiement, agrandi</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Code QR</translation>
    </message>
    <message>
        <source>Checkout link</source>
        <translation>Lien de paiement</translation>
    </message>
    <message>
        <source>Link</source>
        <extracomment>A link was shown or cleared (the window moves its primary action: Create ↔ Copy). The link left the panel (new link, refused, create again): sections disarm on it.</extracomment>
        <translation>Lien</translation>
    </message>
    <message>
        <source>No link yet.
Build the cart or pick an offer, then press Ctrl+Enter.</source>
        <translation>Pas encore de lien.
Remplissez le panier ou choisissez une offre, puis appuyez sur Ctrl+Entrée.</translation>
    </message>
    <message>
        <source>Copy the link to the clipboard</source>
        <translation>Copier le lien dans le presse-papiers</translation>
    </message>
    <message>
        <source>Amount this link charges</source>
        <translation>Montant de ce lien</translation>
    </message>
    <message>
        <source>What this link charges</source>
        <translation>Ce que ce lien facture</translation>
    </message>
    <message>
        <source>Notice about this link</source>
        <translation>Remarque sur ce lien</translation>
    </message>
    <message>
        <source>Warning about this link</source>
        <translation>Avertissement sur ce lien</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Identifiant de session</translation>
    </message>
    <message>
        <source>Link expiry</source>
        <translation>Expiration du lien</translation>
    </message>
    <message>
        <source>QR code of the checkout link</source>
        <translation>Code QR du lien de paiement</translation>
    </message>
    <message>
        <source>Show big QR</source>
        <translation>Agrandir le QR</translation>
    </message>
    <message>
        <source>Save QR…</source>
        <translation>Enregistrer le QR…</translation>
    </message>
    <message>
        <source>Copy QR image</source>
        <translation>Copier l’image QR</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>Nouveau lien</translation>
    </message>
    <message>
        <source>Session {session_id}</source>
        <translation>Session {session_id}</translation>
    </message>
    <message>
        <source>QR image copied ✓</source>
        <translation>Image QR copiée ✓</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>Enregistrer le code QR</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>QR saved to {file} ✓</source>
        <translation>QR enregistré dans {file} ✓</translation>
    </message>
</context>
<context>
    <name>SavedCarts</name>
    <message numerus="yes">
        <source>{items} + %n more</source>
        <translation>
            <numerusform>{items} + %n autre</numerusform>
            <numerusform>{items} + %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert a saved cart</source>
        <translation>Insérer un panier enregistré</translation>
    </message>
    <message>
        <source>Type a cart's name</source>
        <translation>Tapez le nom d’un panier</translation>
    </message>
    <message>
        <source>Filter the saved carts</source>
        <translation>Filtrer les paniers enregistrés</translation>
    </message>
    <message>
        <source>Saved carts</source>
        <translation>Paniers enregistrés</translation>
    </message>
    <message>
        <source>Enter puts the highlighted cart into the form</source>
        <translation>Entrée met le panier sélectionné dans le formulaire</translation>
    </message>
    <message>
        <source>No saved carts yet: Ctrl+Shift+B saves the cart.</source>
        <translation>Aucun panier enregistré pour l’instant : Ctrl+Maj+B enregistre le panier.</translation>
    </message>
    <message>
        <source>Save the cart</source>
        <translation>Enregistrer le panier</translation>
    </message>
    <message>
        <source>Starter bundle</source>
        <translation>Pack de démarrage</translation>
    </message>
    <message>
        <source>Cart name</source>
        <translation>Nom du panier</translation>
    </message>
    <message>
        <source>Save the cart &amp;as:</source>
        <translation>Enregistrer le panier &amp;sous :</translation>
    </message>
    <message>
        <source>The cart was not saved.</source>
        <translation>Le panier n’a pas été enregistré.</translation>
    </message>
    <message>
        <source>“{name}” is saved in {saved}; this cart is in {current}.</source>
        <translation>« {name} » est enregistré en {saved} ; ce panier est en {current}.</translation>
    </message>
    <message>
        <source>Clear the cart (Ctrl+Shift+N) or change its currency first.</source>
        <translation>Videz d’abord le panier (Ctrl+Maj+N) ou changez sa devise.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Connected ✓</source>
        <translation>Connecté ✓</translation>
    </message>
    <message>
        <source>Production — real payments</source>
        <translation>Production — paiements réels</translation>
    </message>
    <message>
        <source>Sandbox — test payments</source>
        <translation>Sandbox — paiements de test</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL personnalisée</translation>
    </message>
    <message>
        <source>Production</source>
        <extracomment>What the profile list says beside each profile's name.</extracomment>
        <translation>Production</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>save the key</source>
        <extracomment>What failed, in the agent's words, for the error funnel ("Could not {action}."); the English text goes to the log.</extracomment>
        <translation>enregistrer la clé</translation>
    </message>
    <message>
        <source>read the key</source>
        <translation>lire la clé</translation>
    </message>
    <message>
        <source>save the profile</source>
        <translation>enregistrer le profil</translation>
    </message>
    <message>
        <source>delete the key</source>
        <translation>supprimer la clé</translation>
    </message>
    <message>
        <source>remove the profile</source>
        <translation>supprimer le profil</translation>
    </message>
    <message>
        <source>No key stored for this profile.</source>
        <translation>Aucune clé enregistrée pour ce profil.</translation>
    </message>
    <message>
        <source>A key is stored for this profile ({where}).</source>
        <translation>Une clé est enregistrée pour ce profil ({where}).</translation>
    </message>
    <message>
        <source>Settings — Accounts and API keys</source>
        <extracomment>A key store call or the connection test finished (tests wait on this).</extracomment>
        <translation>Paramètres — Comptes et clés API</translation>
    </message>
    <message>
        <source>Profiles</source>
        <extracomment>Asks before a destructive action; tests replace it.</extracomment>
        <translation>Profils</translation>
    </message>
    <message>
        <source>The merchant accounts this computer can use</source>
        <translation>Les comptes marchands utilisables sur cet ordinateur</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Ajouter un profil</translation>
    </message>
    <message>
        <source>Add another merchant account</source>
        <translation>Ajouter un autre compte marchand</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Remove this profile and its key</source>
        <translation>Supprimer ce profil et sa clé</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>e.g. Acme</source>
        <translation>p. ex. Acme</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Production takes real payments; Sandbox only tests</source>
        <translation>Production : paiements réels ; Sandbox : tests uniquement</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Adresse de l’API</translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation>https://api.exemple.com</translation>
    </message>
    <message>
        <source>Set by your organisation's policy file</source>
        <translation>Fixé par la politique de votre organisation</translation>
    </message>
    <message>
        <source>This run was started with --api-url: every profile talks to {address}.</source>
        <translation>Cette session a été lancée avec --api-url : tous les profils utilisent {address}.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <source>Paste the private API key</source>
        <translation>Collez la clé API privée</translation>
    </message>
    <message>
        <source>The key is saved in the system keychain, never in a file</source>
        <translation>La clé est enregistrée dans le trousseau du système, jamais dans un fichier</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>Afficher la clé API</translation>
    </message>
    <message>
        <source>Show the key (reads the stored key if the field is empty)</source>
        <translation>Afficher la clé (lit la clé enregistrée si le champ est vide)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Save the profile, and the key if one is entered (Enter)</source>
        <translation>Enregistrer le profil, et la clé si elle est saisie (Entrée)</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <source>Delete the API key</source>
        <translation>Supprimer la clé API</translation>
    </message>
    <message>
        <source>Remove this profile's key from the keychain</source>
        <translation>Retirer du trousseau la clé de ce profil</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>A read-only request with this key to this environment</source>
        <translation>Une requête en lecture seule avec cette clé vers cet environnement</translation>
    </message>
    <message>
        <source>Keep keys in memory for this run only</source>
        <translation>Garder les clés en mémoire pour cette session</translation>
    </message>
    <message>
        <source>Keys are forgotten when Inflow Desk quits; nothing is written to disk</source>
        <translation>Les clés sont oubliées à la fermeture d’Inflow Desk ; rien n’est écrit sur le disque</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé API :</translation>
    </message>
    <message>
        <source>Use this profile</source>
        <translation>Utiliser ce profil</translation>
    </message>
    <message>
        <source>Switch the main window to this profile and close</source>
        <translation>Passer la fenêtre principale sur ce profil et fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>Fermer les paramètres</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Used from the next start of Inflow Desk</source>
        <translation>Appliquée au prochain démarrage d’Inflow Desk</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Selon le système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Inflow Desk will use this language from its next start.</source>
        <translation>Langue appliquée au prochain démarrage d’Inflow Desk.</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation>Aucune clé enregistrée pour l’instant.</translation>
    </message>
    <message>
        <source>To rename, add a new profile and remove this one</source>
        <translation>Pour renommer, ajoutez un nouveau profil et supprimez celui-ci</translation>
    </message>
    <message>
        <source>Needs attention: {problem}. Choose the environment and save.</source>
        <translation>À vérifier : {problem}. Choisissez l’environnement et enregistrez.</translation>
    </message>
    <message>
        <source>https:// required; http:// only for this computer</source>
        <translation>https:// obligatoire ; http:// seulement pour cet ordinateur</translation>
    </message>
    <message>
        <source>Fixed for this environment</source>
        <translation>Fixe pour cet environnement</translation>
    </message>
    <message>
        <source>A profile with this name already exists</source>
        <translation>Un profil porte déjà ce nom</translation>
    </message>
    <message>
        <source>This does not look like an Inflow key (they usually start with inflow_). You can still save it.</source>
        <translation>Cela ne ressemble pas à une clé Inflow (elles commencent en général par inflow_). Vous pouvez quand même l’enregistrer.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Vérification du trousseau…</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profil enregistré.</translation>
    </message>
    <message>
        <source>Key saved ({where}).</source>
        <translation>Clé enregistrée ({where}).</translation>
    </message>
    <message>
        <source>Delete API key</source>
        <translation>Supprimer la clé API</translation>
    </message>
    <message>
        <source>Delete the API key of “{profile}”? You will need to paste it again from the Inflow dashboard to use this profile.</source>
        <translation>Supprimer la clé API de « {profile} » ? Il faudra la recoller depuis le tableau de bord Inflow pour utiliser ce profil.</translation>
    </message>
    <message>
        <source>Key deleted.</source>
        <translation>Clé supprimée.</translation>
    </message>
    <message>
        <source>Remove the profile “{profile}” and delete its API key from the keychain?</source>
        <translation>Supprimer le profil « {profile} » et sa clé API du trousseau ?</translation>
    </message>
    <message>
        <source>Profile “{profile}” removed.</source>
        <translation>Profil « {profile} » supprimé.</translation>
    </message>
    <message>
        <source>Paste the key first.</source>
        <translation>Collez d’abord la clé.</translation>
    </message>
    <message>
        <source>this profile</source>
        <translation>ce profil</translation>
    </message>
    <message>
        <source>No key to test: paste the key first.</source>
        <translation>Aucune clé à tester : collez d’abord la clé.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <source>Could not read the keychain.</source>
        <translation>Impossible de lire le trousseau.</translation>
    </message>
    <message>
        <source>no usable system keychain was found</source>
        <translation>aucun trousseau système utilisable n’a été trouvé</translation>
    </message>
    <message>
        <source>Keys are kept in: {where}</source>
        <translation>Les clés sont conservées dans : {where}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <source>Shortcut: {shortcut}</source>
        <translation>Raccourci : {shortcut}</translation>
    </message>
</context>
<context>
    <name>SmsCount</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n caractère</numerusform>
            <numerusform>%n caractères</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMS</source>
        <translation>
            <numerusform>%n SMS</numerusform>
            <numerusform>%n SMS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s)</source>
        <translation>
            <numerusform>%n SMS</numerusform>
            <numerusform>%n SMS</numerusform>
        </translation>
    </message>
    <message>
        <source>{characters} · {parts} ({encoding})</source>
        <translation>{characters} · {parts} ({encoding})</translation>
    </message>
</context>
<context>
    <name>SubscriptionForm</name>
    <message>
        <source>Recent · {offer}</source>
        <extracomment>A recent offer's row: ``Recent · Pro yearly — €299.00 / year`` (translated where shown).</extracomment>
        <translation>Récente · {offer}</translation>
    </message>
    <message>
        <source>{offer} (archived: accepts no new subscribers)
{id}</source>
        <extracomment>False for a recent or pasted offer that the current listing did not (yet) contain.</extracomment>
        <translation>{offer} (archivée : n’accepte plus de nouveaux abonnés)
{id}</translation>
    </message>
    <message>
        <source>load the subscription offers</source>
        <translation>charger les offres d’abonnement</translation>
    </message>
    <message>
        <source>create the subscription link</source>
        <extracomment>Minimum height of the offer list and the details (two rows of the list). Arrived pages are shown at most this often while offers load. The details follow the highlighted offer after this pause (laying out their HTML is too slow to repeat on every keystroke at 10,000 offers).</extracomment>
        <translation>créer le lien d’abonnement</translation>
    </message>
    <message>
        <source>Pick a subscription offer: type to search, Enter to pick — or paste an offer ID or subscribe link</source>
        <translation>Choisissez une offre d’abonnement : tapez pour chercher, Entrée pour choisir — ou collez un ID d’offre ou un lien d’abonnement</translation>
    </message>
    <message>
        <source>The offers are still loading: the offer matching “{text}” is picked when they arrive — then press Ctrl+Enter</source>
        <translation>Les offres sont encore en cours de chargement : l’offre correspondant à « {text} » sera choisie dès leur arrivée — appuyez ensuite sur Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Subscription</source>
        <extracomment>A listing finished: ``True`` when it succeeded, ``False`` when it failed. An Enter that waited for the offers has been applied (or dropped): a create the agent asked for meanwhile can go ahead (after the pick, in a later event-loop turn).</extracomment>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Search subscription offers</source>
        <extracomment>Enter was pressed while the offers loaded: apply it once they have arrived. What the status line shows: "loading", "loaded", or "" (a message, left alone).</extracomment>
        <translation>Rechercher une offre d’abonnement</translation>
    </message>
    <message>
        <source>Up and Down move through the offers, Enter picks one</source>
        <translation>Haut et Bas parcourent les offres, Entrée en choisit une</translation>
    </message>
    <message>
        <source>Search offers by name, price or ID — ↑↓ to move, Enter to pick</source>
        <translation>Rechercher par nom, prix ou ID — ↑↓ pour parcourir, Entrée pour choisir</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>&amp;Offre</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the offers</source>
        <translation>Actualiser les offres</translation>
    </message>
    <message>
        <source>Reload the offers from Inflow</source>
        <translation>Recharger les offres depuis Inflow</translation>
    </message>
    <message>
        <source>Offers status</source>
        <translation>État des offres</translation>
    </message>
    <message>
        <source>Loading the offers</source>
        <translation>Chargement des offres</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Load the offers again</source>
        <translation>Recharger les offres</translation>
    </message>
    <message>
        <source>Subscription offers</source>
        <translation>Offres d’abonnement</translation>
    </message>
    <message>
        <source>Selected offer</source>
        <translation>Offre choisie</translation>
    </message>
    <message>
        <source>Offer details</source>
        <translation>Détails de l’offre</translation>
    </message>
    <message>
        <source>Offer ID or subscribe link</source>
        <translation>ID d’offre ou lien d’abonnement</translation>
    </message>
    <message>
        <source>offer_… or https://checkout.inflowpay.com/subscribe/…</source>
        <translation>offer_… ou https://checkout.inflowpay.com/subscribe/…</translation>
    </message>
    <message>
        <source>Or &amp;paste an offer ID / subscribe link</source>
        <translation>Ou &amp;collez un ID d’offre / lien d’abonnement</translation>
    </message>
    <message>
        <source>Offer problem</source>
        <translation>Problème d’offre</translation>
    </message>
    <message>
        <source>Offer picker hint</source>
        <translation>Aide au choix de l’offre</translation>
    </message>
    <message>
        <source>This account has no subscription offers. Create one in the Inflow dashboard, or paste an offer ID or subscribe link below.</source>
        <translation>Ce compte n’a aucune offre d’abonnement. Créez-en une dans le tableau de bord Inflow, ou collez un ID d’offre ou un lien d’abonnement ci-dessous.</translation>
    </message>
    <message numerus="yes">
        <source>Only {count} offers arrived before the error: the list is incomplete.</source>
        <translation>
            <numerusform>Seule {count} offre est arrivée avant l’erreur : la liste est incomplète.</numerusform>
            <numerusform>Seules {count} offres sont arrivées avant l’erreur : la liste est incomplète.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading subscription offers…</source>
        <translation>Chargement des offres d’abonnement…</translation>
    </message>
    <message>
        <source>Loading subscription offers… {shown} of {total} so far</source>
        <translation>Chargement des offres d’abonnement… {shown} sur {total} pour l’instant</translation>
    </message>
    <message>
        <source>Loading subscription offers… {total} so far</source>
        <translation>Chargement des offres d’abonnement… {total} pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} subscription offers</source>
        <translation>
            <numerusform>{shown} sur {total} offre d’abonnement</numerusform>
            <numerusform>{shown} sur {total} offres d’abonnement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} subscription offers</source>
        <translation>
            <numerusform>{count} offre d’abonnement</numerusform>
            <numerusform>{count} offres d’abonnement</numerusform>
        </translation>
    </message>
    <message>
        <source>this account</source>
        <translation>ce compte</translation>
    </message>
    <message>
        <source>Loading — the offer matching “{text}” is picked when it arrives</source>
        <translation>Chargement — l’offre correspondant à « {text} » sera choisie dès son arrivée</translation>
    </message>
    <message numerus="yes">
        <source>{count} offers match “{text}”: the first is selected — check it, or choose another with ↑↓</source>
        <translation>
            <numerusform>{count} offre correspond à « {text} » : elle est sélectionnée — vérifiez-la, ou choisissez-en une autre avec ↑↓</numerusform>
            <numerusform>{count} offres correspondent à « {text} » : la première est sélectionnée — vérifiez-la, ou choisissez-en une autre avec ↑↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Type to search, or choose an offer with ↑↓</source>
        <translation>Tapez pour chercher, ou choisissez une offre avec ↑↓</translation>
    </message>
    <message>
        <source>No offer matches “{text}” — nothing was picked</source>
        <translation>Aucune offre ne correspond à « {text} » — rien n’a été choisi</translation>
    </message>
    <message>
        <source>No offers to pick from</source>
        <translation>Aucune offre à choisir</translation>
    </message>
    <message>
        <source>No offer selected — type to search, Enter to pick, or paste an ID below.</source>
        <translation>Aucune offre choisie — tapez pour chercher, Entrée pour choisir, ou collez un ID ci-dessous.</translation>
    </message>
    <message>
        <source>(archived — accepts no new subscribers)</source>
        <translation>(archivée — n’accepte plus de nouveaux abonnés)</translation>
    </message>
    <message>
        <source>Selected: &lt;b&gt;{offer}&lt;/b&gt;</source>
        <translation>Offre choisie : &lt;b&gt;{offer}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Details of the highlighted offer appear here.</source>
        <translation>Les détails de l’offre en surbrillance s’affichent ici.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Not in the loaded list: details are unknown until created.</source>
        <translation>Absente de la liste chargée : détails inconnus avant la création du lien.</translation>
    </message>
    <message>
        <source>✓ Selected</source>
        <translation>✓ Choisie</translation>
    </message>
</context>
<context>
    <name>TimeLeft</name>
    <message>
        <source>less than a minute left</source>
        <translation>moins d'une minute</translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation>encore {duration}</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} j</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} j {hours} h</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation>E-mail du client</translation>
    </message>
    <message>
        <source>Success URL</source>
        <translation>URL de succès</translation>
    </message>
    <message>
        <source>Cancel URL</source>
        <translation>URL d'annulation</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Expire dans</translation>
    </message>
    <message>
        <source>Subscription offer</source>
        <translation>Offre d'abonnement</translation>
    </message>
    <message>
        <source>Product {number} name</source>
        <translation>Nom du produit {number}</translation>
    </message>
    <message>
        <source>Product {number} price</source>
        <translation>Prix du produit {number}</translation>
    </message>
    <message>
        <source>Product {number} quantity</source>
        <translation>Quantité du produit {number}</translation>
    </message>
    <message>
        <source>The request is invalid</source>
        <translation>La demande n'est pas valide</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field} : {problem}</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>Fix this before creating the session — {details}</source>
        <translation>Corrigez ceci avant de créer le lien — {details}</translation>
    </message>
    <message>
        <source>Fix these {count} problems before creating the session — {details}</source>
        <translation>Corrigez ces {count} problèmes avant de créer le lien — {details}</translation>
    </message>
    <message>
        <source>Expiry must be a number of hours</source>
        <translation>La durée de validité doit être un nombre d'heures</translation>
    </message>
    <message>
        <source>Choose EUR or USD</source>
        <translation>Choisissez EUR ou USD</translation>
    </message>
    <message>
        <source>Add at least one product</source>
        <translation>Ajoutez au moins un produit</translation>
    </message>
    <message>
        <source>A session can hold at most {limit} products</source>
        <translation>Un lien peut contenir {limit} produits au plus</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address, like name@example.com</source>
        <translation>Saisissez une adresse e-mail valide, comme nom@exemple.fr</translation>
    </message>
    <message>
        <source>Enter a full web address starting with https:// or http://</source>
        <translation>Saisissez une adresse web complète commençant par https:// ou http://</translation>
    </message>
    <message>
        <source>Contains invisible or direction-changing characters</source>
        <extracomment>Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what the customer reads on the checkout page ("Trojan Source"); never needed in a product name. A lone UTF-16 surrogate (a broken paste): cannot be encoded, so cannot be sent or saved. Letters that draw nothing, although they are not format characters or spaces. Format characters (zero-width space, word joiner, BOM, soft hyphen…), spaces, separators, controls and marks that cannot stand alone: a name made only of these shows nothing.</extracomment>
        <translation>Contient des caractères invisibles ou qui changent le sens d'écriture</translation>
    </message>
    <message>
        <source>Contains a broken character (probably from a copy-paste): type it again by hand</source>
        <translation>Contient un caractère abîmé (sans doute un copier-coller) : retapez-le à la main</translation>
    </message>
    <message>
        <source>Remove the backslash (\) from the address: browsers read it as '/' and would open another site than the one shown</source>
        <translation>Retirez la barre oblique inverse (\) de l'adresse : les navigateurs la lisent comme « / » et ouvriraient un autre site que celui affiché</translation>
    </message>
    <message>
        <source>Remove the user name and password (the part before '@')</source>
        <translation>Retirez le nom d'utilisateur et le mot de passe (la partie avant « @ »)</translation>
    </message>
    <message>
        <source>Enter a product name</source>
        <extracomment>An offer id: letters, digits, ``_`` and ``-`` (also used to pick ids out of links).</extracomment>
        <translation>Saisissez un nom de produit</translation>
    </message>
    <message>
        <source>Name is longer than {limit} characters</source>
        <translation>Le nom dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>Name cannot contain line breaks or control characters</source>
        <translation>Le nom ne peut pas contenir de retour à la ligne ni de caractère de contrôle</translation>
    </message>
    <message>
        <source>Enter a price</source>
        <translation>Saisissez un prix</translation>
    </message>
    <message>
        <source>Price must be at least 0.01</source>
        <translation>Le prix doit être d'au moins 0,01</translation>
    </message>
    <message>
        <source>Price cannot exceed {limit}</source>
        <translation>Le prix ne peut pas dépasser {limit}</translation>
    </message>
    <message>
        <source>Quantity must be a whole number of at least 1</source>
        <translation>La quantité doit être un nombre entier, au moins 1</translation>
    </message>
    <message>
        <source>Quantity cannot exceed {limit}</source>
        <translation>La quantité ne peut pas dépasser {limit}</translation>
    </message>
    <message>
        <source>E-mail address is longer than {limit} characters</source>
        <translation>L'adresse e-mail dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>Web address is longer than {limit} characters</source>
        <translation>L'adresse web dépasse {limit} caractères</translation>
    </message>
    <message>
        <source>Expiry must be at least 0.25 hours (15 minutes)</source>
        <translation>La durée de validité doit être d'au moins 0,25 heure (15 minutes)</translation>
    </message>
    <message>
        <source>Expiry cannot exceed {limit} hours (30 days)</source>
        <translation>La durée de validité ne peut pas dépasser {limit} heures (30 jours)</translation>
    </message>
    <message>
        <source>Total must be at least {minimum} — Inflow's minimum payment</source>
        <translation>Le total doit être d'au moins {minimum} — le paiement minimum d'Inflow</translation>
    </message>
    <message>
        <source>Total cannot exceed {limit}</source>
        <translation>Le total ne peut pas dépasser {limit}</translation>
    </message>
    <message>
        <source>Enter a subscription offer ID or link</source>
        <translation>Saisissez l'ID ou le lien d'une offre d'abonnement</translation>
    </message>
    <message>
        <source>Not a subscription offer ID: use letters, digits, _ and - only (at most {limit})</source>
        <translation>Ce n'est pas un ID d'offre : uniquement des lettres, des chiffres, _ et - ({limit} au plus)</translation>
    </message>
</context>
</TS>
