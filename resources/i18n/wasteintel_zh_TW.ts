<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../../app/analysis_panel.py" line="54" />
        <source>Declarations: plastic scrap (HS 3915) by destination</source>
        <translation>報單：廢塑膠（3915）依目的國</translation>
    </message>
    <message>
        <location filename="../../app/analysis_panel.py" line="56" />
        <source>Trade statistics: BACI HS 3915 by importer</source>
        <translation>貿易統計：BACI 3915 依進口國</translation>
    </message>
    <message>
        <location filename="../../app/analysis_panel.py" line="68" />
        <source>Route shifts</source>
        <translation>航線轉移</translation>
    </message>
    <message>
        <location filename="../../app/analysis_panel.py" line="69" />
        <source>Split shipments</source>
        <translation>分批申報</translation>
    </message>
    <message>
        <location filename="../../app/analysis_panel.py" line="70" />
        <source>Link chart</source>
        <translation>關聯圖</translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message>
        <location filename="../../widgets/case_browser.py" line="32" />
        <source>Search case, company (any spelling), container, B/L, HS code…</source>
        <translation>搜尋案件、公司（任何拼寫）、貨櫃、提單、稅則…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="35" />
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="39" />
        <source>HS family, e.g. 3915</source>
        <translation>稅則類別，例如 3915</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="47" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="47" />
        <source>Title</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="47" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="48" />
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="48" />
        <source>Lead officer</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="51" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="51" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="51" />
        <source>HS</source>
        <translation>稅則</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="51" />
        <source>Gross kg</source>
        <translation>毛重(公斤)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="52" />
        <source>From</source>
        <translation>起運國</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="52" />
        <source>Via</source>
        <translation>轉運港</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="52" />
        <source>Discharge</source>
        <translation>卸貨港</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="52" />
        <source>To</source>
        <translation>目的國</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="53" />
        <source>Vessel</source>
        <translation>船名</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="53" />
        <source>B/L</source>
        <translation>提單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="56" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="57" />
        <source>Declarations</source>
        <translation>報單</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/case_browser.py" line="83" />
        <source>%n case(s)</source>
        <translation><numerusform>%n 件案件</numerusform></translation>
    </message>
    <message>
        <source>open</source>
        <translation>新案</translation>
    </message>
    <message>
        <source>under investigation</source>
        <translation>偵查中</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <source>prosecuted</source>
        <translation>已起訴</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>結案</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../widgets/case_view.py" line="68" />
        <location filename="../../widgets/case_view.py" line="90" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="69" />
        <source>Seizures and declarations</source>
        <translation>查獲與報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="70" />
        <source>Parties</source>
        <translation>關係人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/case_view.py" line="72" />
        <source>Linked cases (%n)</source>
        <translation><numerusform>關聯案件 (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="73" />
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="74" />
        <source>Notes</source>
        <translation>註記</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="75" />
        <source>Provenance</source>
        <translation>資料來源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="81" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="82" />
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="83" />
        <source>Lead officer</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="84" />
        <location filename="../../widgets/case_view.py" line="96" />
        <source>Seizures</source>
        <translation>查獲紀錄</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="85" />
        <location filename="../../widgets/case_view.py" line="102" />
        <source>Declarations</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="86" />
        <source>Total gross weight</source>
        <translation>總毛重</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="87" />
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="97" />
        <location filename="../../widgets/case_view.py" line="103" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="97" />
        <source>Seized on</source>
        <translation>查獲日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="97" />
        <source>kg</source>
        <translation>公斤</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="98" />
        <source>Offence</source>
        <translation>違規態樣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="98" />
        <source>Basel</source>
        <translation>巴塞爾代碼</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="98" />
        <source>Detection</source>
        <translation>查獲方式</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="99" />
        <source>Outcome</source>
        <translation>處理狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="103" />
        <location filename="../../widgets/case_view.py" line="137" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="103" />
        <source>HS</source>
        <translation>稅則</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="104" />
        <source>Gross kg</source>
        <translation>毛重(公斤)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="104" />
        <source>Route</source>
        <translation>航線</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="104" />
        <source>Sailing</source>
        <translation>航次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="105" />
        <source>B/L</source>
        <translation>提單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="105" />
        <source>Containers</source>
        <translation>貨櫃</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="113" />
        <source>Party</source>
        <translation>關係人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="113" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="113" />
        <source>Country</source>
        <translation>國別</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="117" />
        <source>as written: %1</source>
        <translation>原始寫法：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="126" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="126" />
        <source>Hops</source>
        <translation>層數</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="126" />
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="126" />
        <source>Why</source>
        <translation>關聯原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="137" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="137" />
        <source>Detail</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="143" />
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="143" />
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="143" />
        <source>Note</source>
        <translation>註記</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="147" />
        <source>Write a note (saved to the audit log)…</source>
        <translation>撰寫註記（記錄於稽核軌跡）…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="149" />
        <source>Add note</source>
        <translation>新增註記</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="163" />
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="163" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="163" />
        <source>Rows</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="164" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>open</source>
        <translation>新案</translation>
    </message>
    <message>
        <source>under investigation</source>
        <translation>偵查中</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <source>prosecuted</source>
        <translation>已起訴</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>結案</translation>
    </message>
    <message>
        <source>shipper</source>
        <translation>出口人</translation>
    </message>
    <message>
        <source>consignee</source>
        <translation>進口人</translation>
    </message>
    <message>
        <source>broker</source>
        <translation>報關行</translation>
    </message>
    <message>
        <source>forwarder</source>
        <translation>承攬業</translation>
    </message>
    <message>
        <source>notify</source>
        <translation>通知人</translation>
    </message>
    <message>
        <source>party</source>
        <translation>同一關係人</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>tax_id</source>
        <translation>統一編號</translation>
    </message>
    <message>
        <source>container</source>
        <translation>貨櫃</translation>
    </message>
    <message>
        <source>sailing</source>
        <translation>同航次</translation>
    </message>
    <message>
        <source>bl</source>
        <translation>提單</translation>
    </message>
    <message>
        <source>port</source>
        <translation>港口</translation>
    </message>
    <message>
        <source>hs</source>
        <translation>稅則</translation>
    </message>
    <message>
        <source>declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <source>seizure</source>
        <translation>查獲</translation>
    </message>
    <message>
        <source>note</source>
        <translation>註記</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>立案</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="31" />
        <source>WasteIntel — %1</source>
        <translation>WasteIntel — %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="37" />
        <location filename="../../app/main_window.py" line="102" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="44" />
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="48" />
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="69" />
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="70" />
        <source>&amp;Open database…</source>
        <translation>開啟資料庫(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="71" />
        <source>&amp;New database…</source>
        <translation>新增資料庫(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="72" />
        <source>Connect to &amp;PostgreSQL…</source>
        <translation>連線至 &amp;PostgreSQL…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="74" />
        <source>&amp;Import spreadsheets…</source>
        <translation>匯入試算表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="76" />
        <source>Export case &amp;dossier…</source>
        <translation>匯出案件卷宗(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="79" />
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="80" />
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="83" />
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="85" />
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="86" />
        <source>&amp;About WasteIntel</source>
        <translation>關於 WasteIntel(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="107" />
        <source>Opened %1</source>
        <translation>已開啟 %1</translation>
    </message>
</context>
<context>
    <name>RouteChart</name>
    <message>
        <location filename="../../widgets/route_chart.py" line="32" />
        <source>Share of the period's total (%)</source>
        <translation>占當期總量比例 (%)</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="38" />
        <source>Route</source>
        <translation>航線</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="38" />
        <source>From</source>
        <translation>起運國</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="39" />
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="39" />
        <source>After</source>
        <translation>之後</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="68" />
        <source>change point</source>
        <translation>轉折點</translation>
    </message>
</context>
<context>
    <name>SplitView</name>
    <message>
        <location filename="../../widgets/split_view.py" line="27" />
        <source>Gross weight (t)</source>
        <translation>毛重（公噸）</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="43" />
        <source>score %1 — %2</source>
        <translation>分數 %1 — %2</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/actions/database.py" line="22" />
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="31" />
        <source>Open case database</source>
        <translation>開啟案件資料庫</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="32" />
        <source>Case databases (*.db *.sqlite)</source>
        <translation>案件資料庫 (*.db *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="38" />
        <source>New case database</source>
        <translation>新增案件資料庫</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="39" />
        <source>Case databases (*.db)</source>
        <translation>案件資料庫 (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="45" />
        <source>Connect to PostgreSQL</source>
        <translation>連線至 PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="46" />
        <source>Server URL (postgresql://user@host/database):</source>
        <translation>伺服器網址 (postgresql://user@host/database)：</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="18" />
        <source>Import spreadsheets</source>
        <translation>匯入試算表</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="19" />
        <source>Spreadsheets (%1)</source>
        <translation>試算表 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="25" />
        <source>Importing…</source>
        <translation>匯入中…</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="25" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="37" />
        <source>%1: %2 imported, %3 merged, %4 unchanged, %5 refused</source>
        <translation>%1：匯入 %2 筆，合併 %3 筆，未變更 %4 筆，拒收 %5 筆</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="42" />
        <source>Import finished</source>
        <translation>匯入完成</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="46" />
        <source>Import failed</source>
        <translation>匯入失敗</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="149" />
        <source>About WasteIntel</source>
        <translation>關於 WasteIntel</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="150" />
        <source>&lt;h3&gt;WasteIntel %1&lt;/h3&gt;&lt;p&gt;Analyst workstation for customs investigations of waste smuggling.&lt;/p&gt;&lt;p&gt;Bundled data and libraries: CEPII BACI trade data (Etalab Open Licence 2.0); port gazetteer and sea lanes from searoute (Apache-2.0); Qt and PySide6 (LGPL-3.0); pyqtgraph (MIT); SQLAlchemy (MIT); networkx (BSD-3-Clause); python-calamine (MIT); polars (MIT); rapidfuzz (MIT); reportlab (BSD); pycountry (LGPL-2.1); Natural Earth (public domain).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WasteIntel %1&lt;/h3&gt;&lt;p&gt;海關廢棄物走私查緝分析工作站。&lt;/p&gt;&lt;p&gt;內含資料與程式庫：CEPII BACI 貿易資料（Etalab Open Licence 2.0）；searoute 港口與航道資料（Apache-2.0）；Qt 與 PySide6（LGPL-3.0）；pyqtgraph（MIT）；SQLAlchemy（MIT）；networkx（BSD-3-Clause）；python-calamine（MIT）；polars（MIT）；rapidfuzz（MIT）；reportlab（BSD）；pycountry（LGPL-2.1）；Natural Earth（公有領域）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="13" />
        <location filename="../../app/actions/dossier.py" line="17" />
        <location filename="../../app/actions/dossier.py" line="21" />
        <location filename="../../app/actions/dossier.py" line="31" />
        <source>Case dossier</source>
        <translation>案件卷宗</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="14" />
        <source>Open a case first.</source>
        <translation>請先開啟案件。</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="18" />
        <source>PDF (*.pdf);;Self-contained HTML (*.html)</source>
        <translation>PDF (*.pdf);;獨立 HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="22" />
        <source>Classification banner:</source>
        <translation>機密等級標示：</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="25" />
        <source>en</source>
        <translation>zh-TW</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="29" />
        <source>Dossier written to %1</source>
        <translation>卷宗已寫入 %1</translation>
    </message>
</context>
</TS>