<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Platform</source>
        <extracomment>The rows' names: English in the copied details (a support request reads the same in every language), translated on screen.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key storage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow Desk</source>
        <extracomment>Names of products, the same in every language (still marked: a translator may adapt them).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PySide6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Inflow Desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow Desk icon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Inflow Desk&lt;/b&gt; {version}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create Inflow Pay checkout links while the customer is on the phone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy these lines, e.g. for a support request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copied ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Inflow Desk</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Account</name>
    <message>
        <source>PRODUCTION</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SANDBOX</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CUSTOM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NEEDS ATTENTION</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountController</name>
    <message>
        <source>Demo merchant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Production</source>
        <extracomment>The environments' names for people (translate with the "AccountController" context).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no address: open Settings (Ctrl+,)</source>
        <extracomment>After every switch (profile, demo, key saved or deleted): the window shows the new state. The key store was replaced (by the in-memory one). The profile list changed (added, edited, deleted).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The profile “{profile}” {attention} (Ctrl+,) to choose its environment. Nothing is sent until then.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merchant profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The merchant account new links are created for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Switch merchant account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings: accounts and API keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accounts and API keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Accounts and API keys…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try the &amp;demo (no real payments)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Settings damaged — open Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo · no real payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait for the current request before switching accounts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the profile “{profile}” on {environment}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>History warning</source>
        <extracomment>What the deferred start-up steps import: loaded in a background thread right after the first frame, so the steps on the GUI thread only build widgets (imports there would stall the window for tens of milliseconds each). (step name, seconds) of every step run so far (logged at debug level; benchmarks) The organisation's policy file, when there is one. Built after the first frame (``stages``); None until then, or when not available. Issue 16: the catalog/saved carts/templates store and the hand-over actions.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shown while new links are not reaching the history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ History unavailable — links are not being saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The history database could not be opened; the log file says why. New links are kept in {path} and added once it opens again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Catalog and messages…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the cart as… (Ctrl+Shift+B)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insert a saved cart… (Ctrl+B)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CartTable</name>
    <message>
        <source>Product</source>
        <extracomment>Custom role: set a price directly in integer cents (used by the product completer). Custom role: what an open cell editor holds, shown live (the total follows the keys) but not yet committed — the cell is not marked as touched, so no error shows while typing. Custom role (read only): True when the cell's error is shown (painted red even when selected). The column headers (translated where shown: :func:`header_text`).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product name</source>
        <extracomment>What a screen reader says for each column (the header "Qty" is short for the room it has).
----------
The empty cart's next step (in English: :func:`empty_cart_hint` is what the table shows).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a price</source>
        <extracomment>Column → the field name used in domain ``FieldIssue`` paths (``products[2].price``).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} — {prices} × {quantity}  ·  catalog</source>
        <extracomment>The bare product name: what the completer matches and inserts. An editor's property: what its cell held when editing began (Esc puts it back).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} — {prices}  ·  catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a product name, or press {shortcut} for a subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent and catalog products are suggested as you type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>49.99</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>“{name}” is already in the catalog.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a price in EUR or USD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price in {currency}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantity: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference: at most {limit} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference: only printable characters, on one line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name the cart (at most {limit} characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{amount}” is not an amount (write it like 49.99)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not CSV: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The header must be: {columns}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} columns, the header has {header}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is also on line {line}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More than {limit} products.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantity “{quantity}” is not a whole number.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>2 × Starter kit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <extracomment>Column titles (the currency codes stay codes).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat / e-mail text</source>
        <extracomment>The three templates' names (form rows and problems).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail subject</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SMS text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Catalog and messages — {profile}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Catalog and messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search by name or reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a product to edit it below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price in euros</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price in dollars</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default &amp;quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add to catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ne&amp;w product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price in {currency}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” added ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” saved ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a UTF-8 text file.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n product(s) imported from {file} ✓</source>
        <translation>
            <numerusform>%n product imported from {file} ✓</numerusform>
            <numerusform>%n products imported from {file} ✓</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog exported to {file} ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save &amp;templates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the &amp;defaults</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The default texts, in the app's language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Placeholders: {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview (sample values):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{template}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subject: {subject}

{message}

— SMS ({count}):
{sms}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Templates saved ✓</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CheckoutUrl</name>
    <message>
        <source>Enter a host name, e.g. checkout.example.com</source>
        <extracomment>The loopback literals a demo checkout page may use, as ``loopback_http`` entries write them. What RFC 3986 allows in a URI (unreserved, reserved and ``%``): nothing else is ever in a link Inflow makes, and the rest (``\``, quotes, ``&lt;&gt;``, spaces…) is read differently by browsers and by parsers. Unicode categories a reader cannot see or that reorder what is shown (U+202E, U+2066…): controls, format characters (bidi, zero-width), separators, surrogates, private use.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the spaces or invisible characters from the host name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{host}' is not a host name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter only the host name (and a port), without https:// or a path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{port}' is not a port number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow's answer contained no link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link is {length} characters long; a checkout link is never longer than {limit}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link contains an invisible or direction-changing character ({code_point}), which can make it read as another address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link contains the non-ASCII character '{character}' ({code_point}), which can imitate another address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link contains '{character}', which a web address never contains.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link is not a valid web address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link is not secure: it does not start with https:.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link is not secure: it starts with {scheme}:, not https:.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link hides its real address behind a user name ('…@{host}'): it does not lead to the host it starts with.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link has no valid host name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link's host '{host}' ends with a dot; a checkout link never does.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link goes to '{host}', which displays as '{looks}': a look-alike of another address, not Inflow's checkout.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link uses port {port} of Inflow's checkout; Inflow's links use none.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link goes to '{host}', not to Inflow's checkout ({inflow}) or a host this profile trusts.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>expired at {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expires {time} — {left} (Inflow's default of about 1 hour)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expires {time} — {left}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DateRangeDialog</name>
    <message>
        <source>Export history — date range</source>
        <extracomment>Filter-as-you-type waits this long after the last key before querying.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last day (inclusive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;To (inclusive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeepLink</name>
    <message>
        <source>The link from the other application was not used — {field}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is longer than {limit} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it contains invisible or control characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is not a valid address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it does not start with {scheme}://</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{scheme}://new is the only action (not “{action}”)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it has a # part the app does not understand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its parameters cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(blank)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the app does not know this field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>given twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>use EUR or USD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not a number of hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a link is either a subscription offer or products, not both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not a subscription offer ID or link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at most {limit} products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>write it as NAME*QUANTITY@PRICE, e.g. Starter kit*2@49.99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product {number} name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product {number} price</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeepLinks</name>
    <message>
        <source>The link from the other application was not used — currency: {currency} is not allowed by your organisation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Restored the unsent form from {moment}</source>
        <extracomment>Save this long after the last change. Keys whose values are settings rather than something typed for a customer.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The app was closed before this form was sent; it was saved automatically.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Inflow: {message}</source>
        <extracomment>Server messages that name a field of the form ("customerEmail must be an email"), so the window can mark that field too. False when the failure says nothing bad (a check that cannot run here): no alarm colour. "products.0.price must not be less than 1" / "customerEmail must be an email" (NestJS style).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>create the link</source>
        <extracomment>What the link form is doing (the default).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>test the connection</source>
        <extracomment>What Settings › Test connection is doing, in the agent's words (``action``).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>finish what you asked for</source>
        <extracomment>What an uncaught exception interrupted.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>create the subscription link</source>
        <extracomment>The other callers' phrases (checkout, payments, settings): marked for extraction only.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>load the subscription offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>draw the QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>simulate the payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>save the profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>save the key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read the key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reveal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>key rejected — wrong key or wrong environment</source>
        <extracomment>What Test connection says when Inflow rejects the key (translate where shown).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The stored key is longer than {limit} characters, so it cannot be an API key — open Settings and paste it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The stored key contains characters an API key cannot have — open Settings and paste it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No system keychain is available on this computer ({reason}). You can keep the key in memory for this run only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keychain is locked. Unlock it and try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key could not be saved in the system keychain. Try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key could not be removed from the system keychain. Try again, or remove it with your system's password manager.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keychain reported an error while trying to read the key ({cause}). Try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keychain reported an error while trying to read the key. Try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keychain reported an error while trying to use the key ({cause}). Try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keychain reported an error while trying to use the key. Try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No API key is stored for the profile “{profile}”. Open Settings (Ctrl+,) to enter it, or try the demo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API key is longer than {limit} characters: that is not an API key. Copy it again from the Inflow dashboard.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API key contains a line break or another invisible character. Copy it again from the Inflow dashboard.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API key is empty: paste it from the Inflow dashboard.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API key contains spaces or characters an API key cannot have. Copy it again from the Inflow dashboard.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The history could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{cause} Try again; the links already created are not affected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{cause} Choose another place.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This place cannot be written (no permission).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That is a folder, not a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The disk is full.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The disk reported an error.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something unexpected went wrong ({error}); details are in the log file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A link may have been created anyway. Creating again is safe for the customer (nothing is paid until they pay), but they could receive two links.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again; if it keeps happening, tell support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled before Inflow answered — the request had already reached Inflow, so a link may have been created there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It is not in the History (no answer came back): look in Inflow's dashboard before sending the customer a second link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled; nothing was sent to Inflow.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The proxy refused the connection to Inflow ({status}), so nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check this computer's proxy settings (HTTPS_PROXY, the proxy login) or ask IT, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow's certificate is not trusted by this computer, so nothing was sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>If your company inspects HTTPS traffic, its certificate must be installed in the operating system (ask IT). Otherwise someone may be intercepting the connection: do not retry on this network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow did not answer in time, so we could not {action}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Couldn't reach Inflow (the connection timed out).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the internet connection and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection to Inflow broke before the answer arrived.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Couldn't reach Inflow (connection refused or no network).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow rejected the API key for {account}: {why}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A sandbox key does not work on production, and the other way round.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow rejected the API key for {account}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Settings › Accounts to check the key or the environment (a sandbox key does not work on production, and the other way round).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow refused this API key: it is not allowed to {action} (HTTP 403).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask an account admin to check the key's permissions in the Inflow dashboard.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow does not list subscription offers for this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste an offer id or a subscribe link (…/subscribe/offer_…) instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not verify the key this way: the server has no such check (HTTP {status}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This says nothing against the key: creating a link shows whether it works. With a custom server address, check that the address is right.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That subscription offer does not exist or has been archived.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick another offer, or check the offer in the Inflow dashboard.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow answered “not found” (HTTP 404).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checkout sessions may not be enabled for this account yet (Checkout V2 is in beta), or the server address in Settings is wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow refused the request:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correct the fields above and try again.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Wait %n second and try again.</numerusform>
            <numerusform>Wait %n seconds and try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow is limiting requests right now (HTTP 429).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow had a problem on its side (HTTP {status}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to fix on your side; try again in a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow answered with an unexpected error (HTTP {status}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again; if it keeps happening, send the log file to support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow's answer was far larger than any real answer, so it was not read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow answered, but the answer could not be understood.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not {action}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: Inflow's answer held a link this app does not trust, so it is not shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the customer no link for this yet. The session is in the history, marked as refused. A proxy or a wrong server address may be altering the answers: tell IT or support before you create again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This link is too long for a QR code ({length} characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the link and send it instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not {action}: the stored API key cannot be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something unexpected went wrong ({error}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again; details are in the log file for support.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk is full</source>
        <extracomment>What a :class:`~inflow_desk.storage.history_journal.HistoryProblem` means, in the agent's words (keyed by its value, so that this module does not import the storage layer at start-up).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the history file is locked by another program</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the history file is damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the history file cannot be written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the history could not be opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the history could not be written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Not saved to the history (see the log file). Keep this link somewhere safe.</source>
        <extracomment>The window's status after a created link the history could not take (unexpected failure). Marked for extraction; show :func:`history_not_saved_text` (translated).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Not saved to the history — {reason}. Kept in a backup file; it will be added when the history works again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Not saved to the history — {reason}. Kept in {file}; it will be added when the history works again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Not saved to the history — {reason}, and the backup file could not be written either ({backup_reason}). Kept in memory only: copy this link somewhere safe; it will be added when the history works again, unless Inflow Desk is closed first.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>⚠ History not working ({reason}) — %n link(s) kept in memory only; do not close Inflow Desk until the history works again.</source>
        <translation>
            <numerusform>⚠ History not working ({reason}) — %n link kept in memory only; do not close Inflow Desk until the history works again.</numerusform>
            <numerusform>⚠ History not working ({reason}) — %n links kept in memory only; do not close Inflow Desk until the history works again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ History not working ({reason}) — %n link(s) waiting in {file}; they will be added when it works again.</source>
        <translation>
            <numerusform>⚠ History not working ({reason}) — %n link waiting in {file}; it will be added when the history works again.</numerusform>
            <numerusform>⚠ History not working ({reason}) — %n links waiting in {file}; they will be added when the history works again.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Not shown, this link is not trusted: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check this link before you use it: it is not Inflow's checkout.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It was not copied and has no QR code. Copy it only if you know where it leads (a profile can trust its own checkout host in Settings).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent: this link would take you over your daily limit of {limit} on “{profile}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have created {used} today; this link is {amount}. Your organisation sets this limit — ask a supervisor to create it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent: {amount} is over your limit of {limit} per link on “{profile}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your organisation sets this limit — ask a supervisor to create this link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent: your organisation does not allow links in {currency}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose another currency.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent: this link's price is not known here, so your limits on “{profile}” cannot be checked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick the offer from the list (its price is shown there) instead of pasting its id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent: your daily limit on “{profile}” cannot be checked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The history, which counts today's links, is unavailable (see the log file).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The form was left as it was. Check the link in the CRM.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The link from the other application was not used: a link is being created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait for it (or press Esc), then open the link from the CRM again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow Desk cannot start: your organisation's policy file is not valid.

{problem}

Ask your IT department to correct it. The app does not run without it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Managed by your organisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No e-mail program opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the message (Ctrl+M) and paste it into your e-mail instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The product catalog is not available right now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products can still be typed by hand; recent products still complete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from {file}: %n row(s) need fixing.</source>
        <translation>
            <numerusform>Nothing was imported from {file}: %n row needs fixing.</numerusform>
            <numerusform>Nothing was imported from {file}: %n rows need fixing.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix them in the file and import it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent: this exact cart already has a link, created at {time} (on the right).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Press Ctrl+Enter again to create a second link for the same cart.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Inflow Desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter API key…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste the private key from the Inflow dashboard (Ctrl+,)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use a built-in emulator: no key needed, no real payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep keys in memory for this run only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys you enter are forgotten when Inflow Desk quits; nothing is written to disk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try the keychain again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key is kept in your system's keychain, never in a file. You can add more merchant accounts later in Settings (Ctrl+,).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API key stored for {profile} ({address}) cannot be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No API key is stored for {profile} ({address}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the private API key of this merchant account, or try the app with the built-in demo first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This profile needs attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The profile “{profile}” {attention} (Ctrl+,) and choose its environment.
Nothing is sent with this profile until then.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HandoverBar</name>
    <message>
        <source>Copy message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy SMS text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New link, same cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copies the chat or e-mail text with the link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail the link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opens an e-mail to the customer in your mail program</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the SMS text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copies the short text for an SMS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows what to read to the customer, in large type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creates a fresh link for the same cart or offer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message copied ✓ — paste it into the chat or e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SMS text copied ✓ — {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail opened ✓ — check it and press Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ The link for {amount} expires in {time} and is not paid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ The link expires in {time} and is not paid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ The link for {amount} has expired unpaid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ The link has expired unpaid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{alert} Ctrl+Shift+L: a new link for the same cart.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HandoverFacts</name>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no time</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryDock</name>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the history…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Created</source>
        <extracomment>Rows per cached page / per ``store.page()`` query. Pages kept in memory; the least recently used page is dropped first. How often the status column ("open — 23 min left") is recomputed. Shown for a row whose page is still loading. The record of a row (``HistoryRecord``, or ``None`` while its page loads). Column titles in English (:func:`header_text` says them in the agent's language).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products / offer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One-time</source>
        <extracomment>Store sort key of each header (the link sorts like the session id it contains).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sort by {column} (click the header)</source>
        <extracomment>Every store query; a new query or an inserted row drops the answers still out. Payment status by session id (``ui/payments``): shown instead of open/expired.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{moment} — {environment}, {profile}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link valid until {moment} (Inflow's default of about 1 hour)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link valid until {moment}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offer {name} ({id})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offer ({id})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryStatus</name>
    <message>
        <source>expired</source>
        <extracomment>Lifetime Inflow applies when ``expiresIn`` is omitted (documented as "≈ 1 hour"). Mirrors ``domain.limits.DEFAULT_EXPIRES_IN_HOURS``; storage keeps its own copy so it does not depend on the form logic. How long a writer waits for another connection's write lock before giving up. Connections a store keeps open between queries. More are opened while more threads query at the same moment (a reader must not wait behind a writer); they close when handed back. Each costs three descriptors (database, WAL, shared memory) and up to 32 MiB of page cache. Keys that must never appear in a stored request body or draft (compared case-insensitively, with ``-`` and ``_`` removed). The default order of the history view. Forward migrations, applied in order; ``MIGRATIONS[i].version == i + 1``. Never edit a shipped step — append a new one. The schema version this code writes.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>open — {time_left}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Filter history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail, product, offer, session id or amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter: e-mail, product, offer, session id or amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter the history as you type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter copies the link; Space shows its QR code; Ctrl+R creates it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show &amp;QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create &amp;again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Load the same cart or offer into the form, for a fresh link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export selected…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export &amp;date range…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History actions</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{count} matching</source>
        <translation>
            <numerusform>{count} matching</numerusform>
            <numerusform>{count} matching</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} link(s)</source>
        <translation>
            <numerusform>{count} link</numerusform>
            <numerusform>{count} links</numerusform>
        </translation>
    </message>
    <message>
        <source>Link of {session} copied ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loaded {session} into the form — press Ctrl+Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{count} row(s) exported to {file} ✓</source>
        <translation>
            <numerusform>{count} row exported to {file} ✓</numerusform>
            <numerusform>{count} rows exported to {file} ✓</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show or hide the history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go to the history filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to the history filter</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InflowErrors</name>
    <message>
        <source>HTTP {status} with an empty body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP {status} with a non-JSON body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP {status} with an unexpected JSON body</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>no supported keychain service was found</source>
        <extracomment>Why a value cannot be an API key (``key_problem``), for saving and for loading. ... and, for a typed key only (:class:`UnusableKeyError`): nothing is left, or not text. Why there is no usable keychain (:attr:`KeyStoreUnavailable.reason`); stored and logged in English, shown with ``translate("KeyStore", reason)``.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the keychain is turned off in the settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the keychain could not be opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the configured keychain backend does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the configured keychain service is not running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>memory (this run only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unavailable: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LastCart</name>
    <message>
        <source>Last cart of {email}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{items} + %n more</source>
        <translation>
            <numerusform>{items} + %n more</numerusform>
            <numerusform>{items} + %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Last cart for this e-mail ({day}): {items}, {total} — Ctrl+Shift+O puts it in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Create link   Ctrl+Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating the link — Ctrl+Shift+N clears the form once it is there</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for the offers — the link is created when they arrive (Esc cancels)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The menu-bar menus, by the (English) title other modules ask :meth:`MainWindow.menu` for; the bar shows each translated.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PRODUCTION</source>
        <extracomment>The environment badge's word, in the agent's language (the stored value stays English).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SANDBOX</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CUSTOM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>subscription offer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{quantity} × {name}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n more</numerusform>
            <numerusform>+ %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer: {email}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No customer e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO — no real payments. Links come from a local emulator.</source>
        <extracomment>Anything the agent typed changed (for draft autosave).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merchant account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One-time payment or subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create checkout link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sends the cart or the offer to Inflow and shows the link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create the checkout link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel   Esc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel creating the link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop waiting for Inflow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New link (Ctrl+Shift+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the link automatically after creating it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow Desk — {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merchant: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Environment: {environment}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{environment}: {address}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was sent. Fix the highlighted field.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Nothing was sent. Fix the %n highlighted fields.</source>
        <translation>
            <numerusform>Nothing was sent. Fix the highlighted field.</numerusform>
            <numerusform>Nothing was sent. Fix the %n highlighted fields.</numerusform>
        </translation>
    </message>
    <message>
        <source>Link created ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the link ⚠</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link refused ✗</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not created: cancelled while the offers loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contacting Inflow…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MessageTemplates</name>
    <message>
        <source>the checkout link</source>
        <extracomment>Every placeholder a template may use, with what it stands for (Settings shows this list). (The descriptions in English: :func:`placeholder_description` words one in the app's language.)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>what the link charges, e.g. €49.99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the cart (2 × Starter kit, 1 × Cable) or the offer's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the subscription offer's name (empty for a cart)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>when the link stops working, e.g. 15:42</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>how long it works from now, e.g. 58 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the merchant account's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the customer's e-mail address (empty when none was typed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hello,

here is your secure payment link for {items} ({amount}):
{link}

It works until {expires_at} ({expires_in} from now).

Kind regards,
{merchant}</source>
        <extracomment>The default templates' English text (the source of their translations): what :func:`default_templates` gives in the app's language.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{merchant}: pay {amount} at {link} (valid until {expires_at})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your payment link from {merchant}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A brace is not closed: write {{ or }} for a brace in the text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An empty {} is not a placeholder: write {{}} for braces in the text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{{{name}…}}: a placeholder is written as {{name}}, nothing more.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Unknown placeholder(s) {names}. Known: {known}.</source>
        <translation>
            <numerusform>Unknown placeholder {names}. Known: {known}.</numerusform>
            <numerusform>Unknown placeholders {names}. Known: {known}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>'{typed}' is not an amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{typed}' mixes different thousands separators</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{typed}' has thousands separators in the wrong places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{typed}' mixes two currencies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{typed}' is in {currency}, but this cart is in {cart}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{typed}' is ambiguous: write {whole} for the whole amount, or use at most two decimals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'{typed}' has more than two decimal places</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Offers</name>
    <message>
        <source>Subscribe link</source>
        <extracomment>The label of the permanent link's row in :func:`offer_detail_rows` (compare it with :func:`subscribe_link_label`, which is what the rows hold in the agent's language).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/ day</source>
        <extracomment>``/ month`` (one interval) and ``every {count} months`` (two or more), per known interval.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every {count} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/ week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every {count} weeks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/ month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every {count} months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/ year</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every {count} years</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <extracomment>Labels of the documented fields, in the order the details show them.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offer ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interval count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Free trial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First payment (entry fee)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pricing mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waitlist (manual approval)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extra customer info needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Success URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discord server ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discord role ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checkout customization</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tax exclusive (tax added on top)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tax inclusive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/ {interval}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every {count} × {interval}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>price not listed ({interval})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>price not listed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{amount} {interval}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1-day free trial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{days}-day free trial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>first payment {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waitlist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(unnamed offer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{offer} — {terms}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{pasted}” is not an offer ID or a subscribe link: paste an ID like offer_9fK21, or a link {link}…</source>
        <extracomment>A bare id as Inflow's examples write them: ``offer_`` and letters, digits, ``_``, ``-``.</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OneTimeForm</name>
    <message>
        <source>One-time payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cart line items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product, unit price and quantity per line; Enter adds a line, Tab moves on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{code} ({symbol})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cart total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cart problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>create the link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(lines without a valid price not counted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total &lt;b style='{style}'&gt;{amount}&lt;/b&gt; &lt;span style='{muted}'&gt;excl. tax&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total {amount} excluding tax</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>  (and %n more)</source>
        <translation>
            <numerusform>  (and %n more)</numerusform>
            <numerusform>  (and %n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>Row {row} · {column}: {problem}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <source>15 minutes</source>
        <extracomment>(label, hours) presets of the expiry combo; the last entry is "Custom". The labels are translated where the combo is filled (``translate("OptionsForm", label)``).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer &amp;&amp; options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional — pre-fills the checkout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer e-mail problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link expiry preset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link expiry in hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hours until the link expires: at least {minimum} (15 minutes), at most {maximum}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link expiry problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Success URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>https://… where the customer lands after paying (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Success URL problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>https://… where the customer lands after cancelling (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel URL problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer &amp;e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;xpires after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Success URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cance&amp;l URL</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PaymentStatus</name>
    <message>
        <source>Waiting for payment…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expired — no payment seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>amount</source>
        <extracomment>What a match rests on (``LinkMatch.basis``, kept in the history as ``"amount, time"``), as the agent reads it: "only the amount and time agree".</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>session read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{first} and {last}</source>
        <extracomment>Facts that confirm a match (``domain.payments``: the e-mail, products, offer or subscription agree; a session read is Inflow's own answer).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{facts}; also fits {others}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>paid ✓ {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waiting for payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid ✓ {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment started — the customer is paying…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>payment started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment failed at {time} — the customer can try again with the same link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid, then refund: {status}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>refund: {status}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment status: {status}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A payment of {amount} at {time} fits this link and also: {others} — check which in Inflow's dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A failed payment of {amount} at {time} fits this link and also: {others} — check which in Inflow's dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A payment ({status}) of {amount} at {time} fits this link and also: {others} — check which in Inflow's dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A payment of {amount} arrived at {time} — probably this link (only the {facts} agree)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ambiguous: {status}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>probably paid {time}</source>
        <extracomment>The history column's short texts (their text before any field) and the chip each draws.</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PaymentsFeature</name>
    <message>
        <source>subscription</source>
        <extracomment>``(session_id, "paid" | "failed")``: the demo emulator's customer (app.py supplies it).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{amount} for {email} of {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{amount} of {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment status of this link</source>
        <extracomment>The window talks to another account (``Account``): its earlier open links may be restored.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask Inflow for this link's payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the payment now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asks Inflow whether this link was paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check payment now ({keys})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matched on: {facts}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{status} (link {link}) — {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{status} — {account}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow Desk: link paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulate: customer pays</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulate: payment fails</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>simulate the payment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>cannot be read ({error})</source>
        <extracomment>What can be wrong in a policy file (English; shown translated by :meth:`PolicyError.shown`).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not valid TOML: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>names a profile a second time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a custom profile needs its url</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>custom addresses are forbidden by this policy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only a custom profile has a url</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{profile}” is not a profile of this policy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not a policy field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path}, line {line}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PolicyForm</name>
    <message>
        <source>{managed}: {currencies}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>PRODUCTION</source>
        <extracomment>The environment in words, upper case as on the badges (``PRODUCTION``, ``DEMO``).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SANDBOX</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CUSTOM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its stored name is missing or not valid</source>
        <extracomment>A stored profile whose name cannot be used (stored and compared as is; shown translated).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a name for the profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use at most {limit} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the spaces at the start or end of the name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use only letters, digits, spaces, '-', '_' and '.' (not {character})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the API address, starting with https://</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the spaces or invisible characters from the address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not a valid address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the full address, starting with https://</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use an address starting with https://</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address has no host name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the user name and password from the address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the part after '?' or '#' from the address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not a valid port number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use https:// — plain http is only allowed for this computer (localhost)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>needs attention: {problem} — open Settings</source>
        <extracomment>Checkout hosts this profile trusts besides Inflow's own ``checkout.inflowpay.com`` (``host`` or ``host:port``, normalised; see ``domain.checkout_url``), e.g. the checkout page of a custom or sandbox server. A link to any other host is held back or refused.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The profile “{profile}” {attention}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{profile} — NEEDS ATTENTION</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{profile} — {environment} ({host})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{profile} — {environment}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProfilesStore</name>
    <message>
        <source>the settings file could not be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the settings file could not be read completely</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the list of profiles in the settings could not be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it uses a custom address, which your organisation does not allow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a stored profile without a valid name was left out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the profile “{profile}”: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A profile called “{profile}” already exists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The profile “{profile}” is managed by your organisation and cannot be changed here</source>
        <extracomment>The organisation's policy: its profiles come first and cannot be edited; it may forbid adding/removing profiles and custom addresses (``storage/policy.py``). What was stored for each profile that needs attention (casefolded name → item). Why the whole list could not be read (None: it could, or there is none yet). What was found damaged: (English template, its named fields), for the log and, translated, for the window. Where the damaged settings file was copied (None: nothing damaged, or no file).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your organisation does not allow custom API addresses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A copy of the settings file was kept as {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings could not be copied aside (see the log).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Damaged settings: {found}. {kept} Open Settings (Ctrl+,) to check the profiles.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your organisation does not allow adding profiles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your organisation does not allow removing this profile</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Alfa</source>
        <extracomment>Characters the agent's locale puts in amounts and French text that GSM-7 does not have, and what an SMS says instead (``1 299,50 €`` has two no-break spaces in French). Each character's word on the phone (the words in English: :func:`spell_word` says them in the app's language; the letters' code words are the same in every language).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bravo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Charlie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delta</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Echo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Foxtrot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Golf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hotel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>India</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Juliett</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kilo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lima</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mike</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>November</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Oscar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Papa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quebec</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Romeo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sierra</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tango</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uniform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Victor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Whiskey</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>X-ray</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yankee</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zulu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zero</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Two</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Three</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Four</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Five</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Six</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seven</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Eight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>underscore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>slash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{character}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>capital {letter}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{quantity} × {name} at {price} each</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{quantity} × {name} at {price}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{total} in total.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{items}, and {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You will pay for {items}: {total} in total.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>per {interval}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{amount} {interval}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a price not listed here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is the {name} subscription: {price}.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The first %n day(s) are free; nothing is charged before then.</source>
        <translation>
            <numerusform>The first day is free; nothing is charged before then.</numerusform>
            <numerusform>The first %n days are free; nothing is charged before then.</numerusform>
        </translation>
    </message>
    <message>
        <source>After the trial you pay {price}, unless you cancel before it ends.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After the trial the subscription is charged, unless you cancel before it ends.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The first payment is {fee} instead of the regular charge.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It ends after {cycles}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It renews until you cancel.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReadAloudCard</name>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What to read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session {session}:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session id, spelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close   Esc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Copied ✓ — paste it into the chat, SMS or e-mail</source>
        <extracomment>The QR code's box: a checkout link's code (41 or 45 modules with the quiet zone) is drawn at 3 px a module (123 or 135 px), as it was in a 160 px box; the box no longer keeps the unused rest (the card's rows above it need the height). F11 shows it big.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Previous cart: this link is for the cart as it was. Press Ctrl+Enter for a link for the form as it is now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No QR code:
this link is not trusted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>draw the QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan to pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR code of the checkout link, enlarged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checkout link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link</source>
        <extracomment>A link was shown or cleared (the window moves its primary action: Create ↔ Copy). The link left the panel (new link, refused, create again): sections disarm on it.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No link yet.
Build the cart or pick an offer, then press Ctrl+Enter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the link to the clipboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount this link charges</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What this link charges</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notice about this link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning about this link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link expiry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR code of the checkout link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show big QR</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save QR…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy QR image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session {session_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR image copied ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>QR saved to {file} ✓</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SavedCarts</name>
    <message numerus="yes">
        <source>{items} + %n more</source>
        <translation>
            <numerusform>{items} + %n more</numerusform>
            <numerusform>{items} + %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert a saved cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a cart's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter the saved carts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved carts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter puts the highlighted cart into the form</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No saved carts yet: Ctrl+Shift+B saves the cart.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starter bundle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cart name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the cart &amp;as:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cart was not saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is saved in {saved}; this cart is in {current}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the cart (Ctrl+Shift+N) or change its currency first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Connected ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Production — real payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sandbox — test payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Production</source>
        <extracomment>What the profile list says beside each profile's name.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>save the key</source>
        <extracomment>What failed, in the agent's words, for the error funnel ("Could not {action}."); the English text goes to the log.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read the key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>save the profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delete the key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>remove the profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key stored for this profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A key is stored for this profile ({where}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings — Accounts and API keys</source>
        <extracomment>A key store call or the connection test finished (tests wait on this).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profiles</source>
        <extracomment>Asks before a destructive action; tests replace it.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The merchant accounts this computer can use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add another merchant account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this profile and its key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Acme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Production takes real payments; Sandbox only tests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set by your organisation's policy file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This run was started with --api-url: every profile talks to {address}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste the private API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key is saved in the system keychain, never in a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the key (reads the stored key if the field is empty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the profile, and the key if one is entered (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this profile's key from the keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A read-only request with this key to this environment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep keys in memory for this run only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys are forgotten when Inflow Desk quits; nothing is written to disk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use this profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Switch the main window to this profile and close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used from the next start of Inflow Desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inflow Desk will use this language from its next start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>needs attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To rename, add a new profile and remove this one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs attention: {problem}. Choose the environment and save.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>https:// required; http:// only for this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fixed for this environment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A profile with this name already exists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This does not look like an Inflow key (they usually start with inflow_). You can still save it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key saved ({where}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the API key of “{profile}”? You will need to paste it again from the Inflow dashboard to use this profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the profile “{profile}” and delete its API key from the keychain?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile “{profile}” removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste the key first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key to test: paste the key first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read the keychain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no usable system keychain was found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys are kept in: {where}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>{action} ({shortcut})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shortcut: {shortcut}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SmsCount</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
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
            <numerusform>%n SMS part</numerusform>
            <numerusform>%n SMS parts</numerusform>
        </translation>
    </message>
    <message>
        <source>{characters} · {parts} ({encoding})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SubscriptionForm</name>
    <message>
        <source>Recent · {offer}</source>
        <extracomment>A recent offer's row: ``Recent · Pro yearly — €299.00 / year`` (translated where shown).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{offer} (archived: accepts no new subscribers)
{id}</source>
        <extracomment>False for a recent or pasted offer that the current listing did not (yet) contain.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>load the subscription offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>create the subscription link</source>
        <extracomment>Minimum height of the offer list and the details (two rows of the list). Arrived pages are shown at most this often while offers load. The details follow the highlighted offer after this pause (laying out their HTML is too slow to repeat on every keystroke at 10,000 offers).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a subscription offer: type to search, Enter to pick — or paste an offer ID or subscribe link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The offers are still loading: the offer matching “{text}” is picked when they arrive — then press Ctrl+Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription</source>
        <extracomment>A listing finished: ``True`` when it succeeded, ``False`` when it failed. An Enter that waited for the offers has been applied (or dropped): a create the agent asked for meanwhile can go ahead (after the pick, in a later event-loop turn).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search subscription offers</source>
        <extracomment>Enter was pressed while the offers loaded: apply it once they have arrived. What the status line shows: "loading", "loaded", or "" (a message, left alone).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up and Down move through the offers, Enter picks one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search offers by name, price or ID — ↑↓ to move, Enter to pick</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh the offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload the offers from Inflow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offers status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Load the offers again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Selected offer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offer details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offer ID or subscribe link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offer_… or https://checkout.inflowpay.com/subscribe/…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Or &amp;paste an offer ID / subscribe link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offer problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offer picker hint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account has no subscription offers. Create one in the Inflow dashboard, or paste an offer ID or subscribe link below.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Only {count} offers arrived before the error: the list is incomplete.</source>
        <translation>
            <numerusform>Only {count} offer arrived before the error: the list is incomplete.</numerusform>
            <numerusform>Only {count} offers arrived before the error: the list is incomplete.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading subscription offers…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading subscription offers… {shown} of {total} so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading subscription offers… {total} so far</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{shown} of {total} subscription offers</source>
        <translation>
            <numerusform>{shown} of {total} subscription offer</numerusform>
            <numerusform>{shown} of {total} subscription offers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} subscription offers</source>
        <translation>
            <numerusform>{count} subscription offer</numerusform>
            <numerusform>{count} subscription offers</numerusform>
        </translation>
    </message>
    <message>
        <source>this account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading — the offer matching “{text}” is picked when it arrives</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{count} offers match “{text}”: the first is selected — check it, or choose another with ↑↓</source>
        <translation>
            <numerusform>{count} offer matches “{text}”: it is selected — check it, or choose another with ↑↓</numerusform>
            <numerusform>{count} offers match “{text}”: the first is selected — check it, or choose another with ↑↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Type to search, or choose an offer with ↑↓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No offer matches “{text}” — nothing was picked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No offers to pick from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No offer selected — type to search, Enter to pick, or paste an ID below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(archived — accepts no new subscribers)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Selected: &lt;b&gt;{offer}&lt;/b&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details of the highlighted offer appear here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not in the loaded list: details are unknown until created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Selected</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimeLeft</name>
    <message>
        <source>less than a minute left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{duration} left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{days} d</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Success URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expires in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription offer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product {number} name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product {number} price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product {number} quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The request is invalid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix this before creating the session — {details}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix these {count} problems before creating the session — {details}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expiry must be a number of hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose EUR or USD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add at least one product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A session can hold at most {limit} products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a valid e-mail address, like name@example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a full web address starting with https:// or http://</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contains invisible or direction-changing characters</source>
        <extracomment>Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what the customer reads on the checkout page ("Trojan Source"); never needed in a product name. A lone UTF-16 surrogate (a broken paste): cannot be encoded, so cannot be sent or saved. Letters that draw nothing, although they are not format characters or spaces. Format characters (zero-width space, word joiner, BOM, soft hyphen…), spaces, separators, controls and marks that cannot stand alone: a name made only of these shows nothing.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contains a broken character (probably from a copy-paste): type it again by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the backslash (\) from the address: browsers read it as '/' and would open another site than the one shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the user name and password (the part before '@')</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a product name</source>
        <extracomment>An offer id: letters, digits, ``_`` and ``-`` (also used to pick ids out of links).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name is longer than {limit} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name cannot contain line breaks or control characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price must be at least 0.01</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price cannot exceed {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantity must be a whole number of at least 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantity cannot exceed {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail address is longer than {limit} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Web address is longer than {limit} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expiry must be at least 0.25 hours (15 minutes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expiry cannot exceed {limit} hours (30 days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total must be at least {minimum} — Inflow's minimum payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total cannot exceed {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a subscription offer ID or link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a subscription offer ID: use letters, digits, _ and - only (at most {limit})</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
