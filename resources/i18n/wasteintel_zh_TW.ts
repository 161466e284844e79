<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>AlertsActions</name>
    <message>
        <location filename="../../app/actions/alerts.py" line="54" />
        <location filename="../../app/actions/alerts.py" line="117" />
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../app/actions/alerts.py" line="82" />
        <source>Alerts marked %1</source>
        <translation>警示已標記為%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/alerts.py" line="88" />
        <source>Rule saved: it is checked after every import</source>
        <translation>規則已儲存：每次匯入後都會檢查</translation>
    </message>
    <message>
        <location filename="../../app/actions/alerts.py" line="94" />
        <source>Computing the risk scores…</source>
        <translation>正在計算風險分數…</translation>
    </message>
    <message>
        <location filename="../../app/actions/alerts.py" line="103" />
        <source>Risk scores computed: %1 declarations with a signal</source>
        <translation>風險分數計算完成：%1 筆報單有風險訊號</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../widgets/alerts_view.py" line="119" />
        <source>New alerts</source>
        <translation>新警示</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="119" />
        <source>Reviewed</source>
        <translation>已審閱</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="120" />
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="120" />
        <source>All alerts</source>
        <translation>所有警示</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="122" />
        <location filename="../../widgets/alerts_view.py" line="148" />
        <source>Mark reviewed</source>
        <translation>標記為已審閱</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="123" />
        <location filename="../../widgets/alerts_view.py" line="149" />
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="124" />
        <source>New rule…</source>
        <translation>新增規則…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="125" />
        <source>Compute risk scores</source>
        <translation>計算風險分數</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="134" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="134" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="134" />
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="134" />
        <source>Watches</source>
        <translation>監看類型</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="135" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="135" />
        <source>Raised</source>
        <translation>發出時間</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="135" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="145" />
        <source>Show the row as written…</source>
        <translation>檢視原始資料列…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="146" />
        <source>Add to case…</source>
        <translation>加入案件…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/alerts_view.py" line="187" />
        <source>%n alert(s)</source>
        <translation><numerusform>%n 則警示</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="191" />
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="191" />
        <source>reviewed</source>
        <translation>已審閱</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="192" />
        <source>dismissed</source>
        <translation>已排除</translation>
    </message>
</context>
<context>
    <name>AnalysisActions</name>
    <message>
        <location filename="../../app/actions/analysis.py" line="128" />
        <source>Only declarations with a known destination can be listed by route.</source>
        <translation>僅有已知目的地的報單可依航線列出。</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="153" />
        <location filename="../../app/actions/analysis.py" line="159" />
        <source>Save with case</source>
        <translation>隨案件儲存</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="165" />
        <source>Link chart saved with %1</source>
        <translation>關聯圖已隨 %1 儲存</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="169" />
        <source>Split shipment ring %1</source>
        <translation>分批申報集團 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="195" />
        <source>Open as a new case</source>
        <translation>開立為新案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="196" />
        <source>Case reference:</source>
        <translation>案件編號：</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="203" />
        <source>Split shipment ring: %1 declarations, %2 t</source>
        <translation>分批申報集團：%1 筆報單，%2 公噸</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="210" />
        <source>Add to the open case</source>
        <translation>加入目前開啟的案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="154" />
        <location filename="../../app/actions/analysis.py" line="211" />
        <source>Open a case first.</source>
        <translation>請先開啟案件。</translation>
    </message>
    <message>
        <location filename="../../app/actions/analysis.py" line="221" />
        <source>Split shipments</source>
        <translation>分批申報</translation>
    </message>
</context>
<context>
    <name>AnalysisDock</name>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="61" />
        <source>Declarations</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="62" />
        <source>Trade statistics (BACI)</source>
        <translation>貿易統計（BACI）</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="66" />
        <source>HS code or its first digits, e.g. 3915 (plastic scrap)</source>
        <translation>稅則號別或其前幾碼，例如 3915（廢塑膠）</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="77" />
        <source>Route shifts</source>
        <translation>航線轉移</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="78" />
        <source>Map</source>
        <translation>地圖</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="79" />
        <source>Split shipments</source>
        <translation>分批申報</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="80" />
        <source>Link chart</source>
        <translation>關聯圖</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="81" />
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="104" />
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="104" />
        <source>HS</source>
        <translation>稅則</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="105" />
        <source>Grouped by</source>
        <translation>分組依據</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="118" />
        <source>destination country</source>
        <translation>目的國</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="119" />
        <source>destination port</source>
        <translation>目的港</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="121" />
        <source>importer</source>
        <translation>進口國</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="122" />
        <source>exporter</source>
        <translation>出口國</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="166" />
        <source>Trade statistics: %1 (%2 %3)</source>
        <translation>貿易統計：%1（%2 %3）</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="168" />
        <source>Trade statistics: %1</source>
        <translation>貿易統計：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="173" />
        <source>%1, HS %2</source>
        <translation>%1，稅則 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="174" />
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/analysis_dock.py" line="177" />
        <source>%1 (partial: %2)</source>
        <translation>%1（部分期間：%2）</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../widgets/case_attachments.py" line="29" />
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="29" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="30" />
        <source>Added by</source>
        <translation>附加者</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="30" />
        <source>Added at</source>
        <translation>附加時間</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="31" />
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="39" />
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="40" />
        <source>Attach files to the case (recorded in the audit log)</source>
        <translation>將檔案附加至案件（記錄於稽核軌跡）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="42" />
        <source>Save as…</source>
        <translation>另存新檔…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="44" />
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="70" />
        <source>%1 bytes</source>
        <translation>%1 位元組</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="101" />
        <location filename="../../widgets/case_attachments.py" line="104" />
        <source>Attach files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="105" />
        <source>Description (optional):</source>
        <translation>說明（選填）：</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="115" />
        <source>Save attachment</source>
        <translation>儲存附件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="125" />
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_attachments.py" line="126" />
        <source>Why remove %1? (recorded in the audit log)</source>
        <translation>移除 %1 的理由？（記錄於稽核軌跡）</translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message>
        <location filename="../../widgets/case_browser.py" line="98" />
        <source>Search case, company (any spelling), container, B/L, HS code…</source>
        <translation>搜尋案件、公司（任何拼寫）、貨櫃、提單、稅則…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="101" />
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="105" />
        <source>HS family, e.g. 3915</source>
        <translation>稅則類別，例如 3915</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="42" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="42" />
        <source>Title</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="42" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="43" />
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="43" />
        <source>Lead officer</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="47" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="47" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="47" />
        <source>HS</source>
        <translation>稅則</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="47" />
        <source>Risk</source>
        <translation>風險</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="48" />
        <source>Gross kg</source>
        <translation>毛重(公斤)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="48" />
        <source>From</source>
        <translation>起運國</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="48" />
        <source>Via</source>
        <translation>轉運港</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="48" />
        <source>Discharge</source>
        <translation>卸貨港</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="49" />
        <source>To</source>
        <translation>目的國</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="49" />
        <source>Vessel</source>
        <translation>船名</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="49" />
        <source>B/L</source>
        <translation>提單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="53" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="54" />
        <source>Declarations</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="77" />
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="78" />
        <source>Show the row as written…</source>
        <translation>檢視原始資料列…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="81" />
        <source>Add to case…</source>
        <translation>加入案件…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="84" />
        <source>Search for this</source>
        <translation>搜尋此項</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="109" />
        <source>Country (name or ISO code)</source>
        <translation>國別（名稱或 ISO 代碼）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="111" />
        <source>Port (name or UN/LOCODE)</source>
        <translation>港口（名稱或 UN/LOCODE）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="115" />
        <source>Risk ≥ </source>
        <translation>風險 ≥ </translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="116" />
        <source>Any risk</source>
        <translation>不限風險</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="118" />
        <source>Only declarations whose computed risk score (0 to 1) is at least this</source>
        <translation>只顯示計算所得風險分數（0 至 1）不低於此值的報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="126" />
        <source>Declared from</source>
        <translation>申報日期自</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="128" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../widgets/case_browser.py" line="136" />
        <source>any date</source>
        <translation>不限日期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/case_browser.py" line="177" />
        <source>%1 case(s)</source>
        <translation><numerusform>%1 件案件</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/case_browser.py" line="178" />
        <source>%1 declaration(s)</source>
        <translation><numerusform>%1 筆報單</numerusform></translation>
    </message>
<message><source>open</source><translation>新案</translation></message><message><source>under investigation</source><translation>偵查中</translation></message><message><source>referred</source><translation>已移送</translation></message><message><source>prosecuted</source><translation>已起訴</translation></message><message><source>closed</source><translation>結案</translation></message></context>
<context>
    <name>CaseEdits</name>
    <message>
        <location filename="../../app/actions/case_edits.py" line="48" />
        <location filename="../../app/actions/case_edits.py" line="54" />
        <source>Note saved</source>
        <translation>註記已儲存</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="61" />
        <source>Attached %1</source>
        <translation>已附加 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="67" />
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="73" />
        <source>Attachment removed</source>
        <translation>已移除附件</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="100" />
        <source>Note not saved</source>
        <translation>註記未儲存</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="101" />
        <source>Someone else changed this note since you opened it. The case has been reloaded: compare their text in the list with yours in the editor, then save again or cancel.</source>
        <translation>您開啟此註記後已有他人修改。案件已重新載入：請比對清單中對方的內容與編輯區中您的內容，再重新儲存或取消。</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="108" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="122" />
        <source>%1 is too large to attach (%2; the limit is %3).</source>
        <translation>%1 過大，無法附加（%2；上限為 %3）。</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="126" />
        <source>Someone else changed this since you opened it; nothing was saved. Refresh the case and try again.</source>
        <translation>您開啟後已有他人修改此項目，未儲存任何變更。請重新整理案件後再試一次。</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="130" />
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="133" />
        <source>It no longer exists (someone else may have removed it): %1</source>
        <translation>該項目已不存在（可能已被他人移除）：%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_edits.py" line="138" />
        <source>The change could not be made: %1</source>
        <translation>無法完成變更：%1</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../widgets/case_form.py" line="33" />
        <source>New case</source>
        <translation>新增案件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="34" />
        <source>Edit case %1</source>
        <translation>編輯案件 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="37" />
        <source>e.g. TW-2024-001</source>
        <translation>例如 TW-2024-001</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="47" />
        <source>comma-separated, e.g. plastics, transshipment</source>
        <translation>以逗號分隔，例如 廢塑膠, 轉運</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="49" />
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="53" />
        <source>why (kept in the audit log)</source>
        <translation>理由（記錄於稽核軌跡）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="54" />
        <source>Reference</source>
        <translation>案號</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="55" />
        <source>Title</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="56" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="57" />
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="59" />
        <source>Closed</source>
        <translation>結案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="60" />
        <source>Lead officer</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="61" />
        <source>Team</source>
        <translation>小組</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="62" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="63" />
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="64" />
        <source>Classification</source>
        <translation>機密等級</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="65" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="77" />
        <source>no date</source>
        <translation>無日期</translation>
    </message>
</context>
<context>
    <name>CaseGrades</name>
    <message>
        <location filename="../../widgets/case_grades.py" line="104" />
        <source>Grade</source>
        <translation>評等</translation>
    </message>
    <message>
        <location filename="../../widgets/case_grades.py" line="107" />
        <source>Grade…</source>
        <translation>評等…</translation>
    </message>
</context>
<context>
    <name>CaseGrading</name>
    <message>
        <location filename="../../app/actions/case_grading.py" line="45" />
        <source>Graded %1</source>
        <translation>已評等為 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_grading.py" line="49" />
        <source>The grade could not be saved: %1</source>
        <translation>無法儲存評等：%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_grading.py" line="51" />
        <source>Grade</source>
        <translation>評等</translation>
    </message>
</context>
<context>
    <name>CaseManagement</name>
    <message>
        <location filename="../../app/actions/case_manage.py" line="46" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="51" />
        <source>Undone: %1</source>
        <translation>已復原：%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="93" />
        <source>Not saved: someone else changed the case</source>
        <translation>未儲存：他人已修改此案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="95" />
        <source>Someone else changed this case since you opened it, so your change was not saved. The case has been reloaded; look at their change and make yours again.

%1</source>
        <translation>您開啟此案件後已有他人修改，因此您的變更未儲存。案件已重新載入；請檢視對方的變更後再重新修改。

%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="102" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="117" />
        <source>Case %1 created</source>
        <translation>已建立案件 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="133" />
        <source>Edit %1</source>
        <translation>編輯 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="135" />
        <source>Case %1 saved</source>
        <translation>案件 %1 已儲存</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="145" />
        <source>Add to case</source>
        <translation>加入案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="146" />
        <source>Add %1 declaration(s) to:</source>
        <translation>將 %1 筆報單加入：</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="160" />
        <source>Add %1 declaration(s) to %2</source>
        <translation>將 %1 筆報單加入 %2</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="169" />
        <source>Case %1 holds those declarations already</source>
        <translation>案件 %1 已包含這些報單</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="173" />
        <source>Remove %1 declaration(s) from %2</source>
        <translation>自 %2 移除 %1 筆報單</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="175" />
        <source>removed in the case view</source>
        <translation>於案件檢視中移除</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="184" />
        <source>Open the case to keep first, then merge another into it.</source>
        <translation>請先開啟要保留的案件，再將另一案件併入。</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="188" />
        <source>Merge cases</source>
        <translation>合併案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="189" />
        <source>Merge the case chosen into %1 (it is closed and its declarations move over):</source>
        <translation>將所選案件併入 %1（該案件將結案，其報單移入）：</translation>
    </message>
    <message>
        <location filename="../../app/actions/case_manage.py" line="197" />
        <source>Merge %1 into %2</source>
        <translation>將 %1 併入 %2</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <location filename="../../widgets/case_picker.py" line="48" />
        <source>why (kept in the audit log)</source>
        <translation>理由（記錄於稽核軌跡）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="49" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="54" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="56" />
        <source>Quantity seized</source>
        <translation>查獲數量</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="61" />
        <source>Quantity seized of each declaration (kg; blank: unknown):</source>
        <translation>各報單查獲數量（公斤；空白表示不明）：</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="64" />
        <source>Seized = declared gross weight</source>
        <translation>查獲數量 = 申報毛重</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="65" />
        <source>Fill every row with its declaration's gross weight</source>
        <translation>以各報單的毛重填入每一列</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="69" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="88" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="88" />
        <source>Gross kg</source>
        <translation>毛重(公斤)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="89" />
        <source>Seized kg</source>
        <translation>查獲公斤數</translation>
    </message>
    <message>
        <location filename="../../widgets/case_picker.py" line="149" />
        <source>The quantity seized of %1 must be a number of kg above 0, or blank.</source>
        <translation>%1 的查獲數量須為大於 0 的公斤數，或留空。</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../widgets/case_view.py" line="78" />
        <source>Dossier…</source>
        <translation>卷宗…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="79" />
        <source>Write this case's dossier (PDF or HTML)</source>
        <translation>產出本案卷宗（PDF 或 HTML）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="82" />
        <source>Edit case…</source>
        <translation>編輯案件…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="83" />
        <source>Edit the title, status, lead officer, summary, tags and other fields of this case</source>
        <translation>編輯本案的案由、狀態、承辦人、摘要、標籤等欄位</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="127" />
        <location filename="../../widgets/case_view.py" line="184" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="129" />
        <source>Seizures and declarations</source>
        <translation>查獲與報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="130" />
        <source>Parties</source>
        <translation>關係人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/case_view.py" line="132" />
        <source>Linked cases (%n)</source>
        <translation><numerusform>關聯案件 (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="133" />
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="134" />
        <source>Notes</source>
        <translation>註記</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="137" />
        <source>Provenance</source>
        <translation>資料來源</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/case_view.py" line="150" />
        <source>Attachments (%n)</source>
        <translation><numerusform>附件 (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="169" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="171" />
        <source>Merged into</source>
        <translation>已併入</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="172" />
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="174" />
        <source>Closed</source>
        <translation>結案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="175" />
        <source>Lead officer</source>
        <translation>承辦人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="176" />
        <source>Team</source>
        <translation>小組</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="177" />
        <source>Classification</source>
        <translation>機密等級</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="178" />
        <location filename="../../widgets/case_view.py" line="190" />
        <source>Seizures</source>
        <translation>查獲紀錄</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="179" />
        <location filename="../../widgets/case_view.py" line="196" />
        <source>Declarations</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="180" />
        <source>Total gross weight</source>
        <translation>總毛重</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="181" />
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="191" />
        <location filename="../../widgets/case_view.py" line="197" />
        <location filename="../../widgets/case_view.py" line="288" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="191" />
        <source>Seized on</source>
        <translation>查獲日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="191" />
        <source>kg</source>
        <translation>公斤</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="192" />
        <source>Offence</source>
        <translation>違規態樣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="192" />
        <source>Basel</source>
        <translation>巴塞爾代碼</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="192" />
        <source>Detection</source>
        <translation>查獲方式</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="193" />
        <source>Outcome</source>
        <translation>處理狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="197" />
        <location filename="../../widgets/case_view.py" line="273" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="197" />
        <source>HS</source>
        <translation>稅則</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="198" />
        <source>Gross kg</source>
        <translation>毛重(公斤)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="198" />
        <source>Route</source>
        <translation>航線</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="198" />
        <source>Sailing</source>
        <translation>航次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="199" />
        <source>B/L</source>
        <translation>提單</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="199" />
        <source>Containers</source>
        <translation>貨櫃</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="210" />
        <location filename="../../widgets/case_view.py" line="291" />
        <source>Show the row as written…</source>
        <translation>檢視原始資料列…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="252" />
        <source>Party</source>
        <translation>關係人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="252" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="252" />
        <source>Country</source>
        <translation>國別</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="256" />
        <source>as written: %1</source>
        <translation>原始寫法：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="262" />
        <source>Double-click a party to open it</source>
        <translation>按兩下關係人即可開啟</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="285" />
        <source>Sources of each declaration (double-click: the row as written)</source>
        <translation>各報單的來源（按兩下：檢視原始資料列）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="289" />
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="273" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="211" />
        <source>Remove from this case</source>
        <translation>自本案移除</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="273" />
        <source>Detail</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="36" />
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="36" />
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="37" />
        <source>Note</source>
        <translation>註記</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="47" />
        <source>Write a note (saved to the audit log)…</source>
        <translation>撰寫註記（記錄於稽核軌跡）…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="49" />
        <source>Add note</source>
        <translation>新增註記</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="51" />
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="52" />
        <source>Edit the selected note</source>
        <translation>編輯所選註記</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="54" />
        <source>Save changes</source>
        <translation>儲存變更</translation>
    </message>
    <message>
        <location filename="../../widgets/case_notes.py" line="56" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="279" />
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="280" />
        <location filename="../../widgets/case_view.py" line="288" />
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="280" />
        <location filename="../../widgets/case_view.py" line="289" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="280" />
        <source>Rows</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../widgets/case_view.py" line="281" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
<message><source>open</source><translation>新案</translation></message><message><source>under investigation</source><translation>偵查中</translation></message><message><source>referred</source><translation>已移送</translation></message><message><source>prosecuted</source><translation>已起訴</translation></message><message><source>closed</source><translation>結案</translation></message><message><source>shipper</source><translation>出口人</translation></message><message><source>consignee</source><translation>進口人</translation></message><message><source>broker</source><translation>報關行</translation></message><message><source>forwarder</source><translation>承攬業</translation></message><message><source>notify</source><translation>通知人</translation></message><message><source>party</source><translation>同一關係人</translation></message><message><source>address</source><translation>地址</translation></message><message><source>phone</source><translation>電話</translation></message><message><source>email</source><translation>電子郵件</translation></message><message><source>tax_id</source><translation>統一編號</translation></message><message><source>container</source><translation>貨櫃</translation></message><message><source>sailing</source><translation>同航次</translation></message><message><source>bl</source><translation>提單</translation></message><message><source>port</source><translation>港口</translation></message><message><source>hs</source><translation>稅則</translation></message><message><source>declaration</source><translation>報單</translation></message><message><source>seizure</source><translation>查獲</translation></message><message><source>note</source><translation>註記</translation></message><message><source>opened</source><translation>立案</translation></message></context>
<context>
    <name>ChartExport</name>
    <message>
        <location filename="../../widgets/chart_export.py" line="88" />
        <source>Export image</source>
        <translation>匯出圖片</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_export.py" line="91" />
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 圖片 (*.png);;SVG 圖片 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../widgets/chart_export.py" line="100" />
        <source>Could not write %1: choose a .png or .svg file in a folder you may write to.</source>
        <translation>無法寫入 %1：請選擇可寫入資料夾中的 .png 或 .svg 檔案。</translation>
    </message>
</context>
<context>
    <name>CompanyView</name>
    <message>
        <location filename="../../widgets/company_view.py" line="46" />
        <source>Name as written</source>
        <translation>原始名稱</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="46" />
        <location filename="../../widgets/company_view.py" line="53" />
        <location filename="../../widgets/company_view.py" line="54" />
        <location filename="../../widgets/company_view.py" line="56" />
        <location filename="../../widgets/company_view.py" line="94" />
        <source>Declarations</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="47" />
        <source>Identifier</source>
        <translation>識別資料</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="47" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="48" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="48" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="49" />
        <location filename="../../widgets/company_view.py" line="52" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="49" />
        <source>HS</source>
        <translation>稅則</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="49" />
        <source>Gross kg</source>
        <translation>毛重(公斤)</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="50" />
        <location filename="../../widgets/company_view.py" line="54" />
        <source>Route</source>
        <translation>航線</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="51" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="51" />
        <source>Title</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="51" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="52" />
        <source>Counterparty</source>
        <translation>往來對象</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="53" />
        <location filename="../../widgets/company_view.py" line="55" />
        <location filename="../../widgets/company_view.py" line="57" />
        <source>Tonnes</source>
        <translation>公噸</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="56" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="58" />
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="58" />
        <source>Who</source>
        <translation>人員</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="58" />
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="59" />
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="59" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="60" />
        <source>◀ Newer</source>
        <translation>◀ 較新</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="61" />
        <source>Older ▶</source>
        <translation>較舊 ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="63" />
        <source>Undo the last decision</source>
        <translation>復原上一個決定</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="64" />
        <source>Undo this company's last merge, split or rejection (recorded in the audit log)</source>
        <translation>復原此公司上一次的合併、分拆或否決（記錄於稽核軌跡）</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="92" />
        <source>Names</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="93" />
        <source>Identifiers</source>
        <translation>識別資料</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="94" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="95" />
        <source>Counterparties</source>
        <translation>往來對象</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="96" />
        <source>Routes</source>
        <translation>航線</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="97" />
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="98" />
        <source>Entity history</source>
        <translation>實體歸併紀錄</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="104" />
        <location filename="../../widgets/company_view.py" line="110" />
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="115" />
        <source>Show the row as written…</source>
        <translation>檢視原始資料列…</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="117" />
        <source>Add to case…</source>
        <translation>加入案件…</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="119" />
        <source>Search for this</source>
        <translation>搜尋此項</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="127" />
        <source>Country: %1 · %2 declaration(s) · roles: %3 · %4 case(s)</source>
        <translation>國別：%1 · 報單 %2 筆 · 角色：%3 · 案件 %4 件</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="155" />
        <source>merged %1 into %2</source>
        <translation>已將 %1 併入 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="158" />
        <source>split %1 out as party %2</source>
        <translation>已將 %1 分拆為關係人 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="161" />
        <source>%1 (not the same party)</source>
        <translation>%1（判定非同一關係人）</translation>
    </message>
    <message>
        <location filename="../../widgets/company_view.py" line="172" />
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
<message><source>shipper</source><translation>出口人</translation></message><message><source>consignee</source><translation>進口人</translation></message><message><source>broker</source><translation>報關行</translation></message><message><source>forwarder</source><translation>承攬業</translation></message><message><source>notify</source><translation>通知人</translation></message><message><source>address</source><translation>地址</translation></message><message><source>phone</source><translation>電話</translation></message><message><source>email</source><translation>電子郵件</translation></message><message><source>tax_id</source><translation>統一編號</translation></message><message><source>merge</source><translation>合併</translation></message><message><source>split</source><translation>分拆</translation></message><message><source>reject</source><translation>否決</translation></message><message><source>unmerge</source><translation>取消合併</translation></message><message><source>unsplit</source><translation>取消分拆</translation></message><message><source>undo-reject</source><translation>取消否決</translation></message><message><source>undo</source><translation>復原</translation></message><message><source>rejected</source><translation>判定不同</translation></message><message><source>confirmed</source><translation>判定相同</translation></message></context>
<context>
    <name>EntityReview</name>
    <message>
        <location filename="../../widgets/entity_review.py" line="31" />
        <source>Party</source>
        <translation>關係人</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="31" />
        <source>Candidate</source>
        <translation>候選對象</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="32" />
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="32" />
        <source>Evidence</source>
        <translation>證據</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="37" />
        <source>Reason (kept in the audit log)</source>
        <translation>理由（記錄於稽核軌跡）</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="38" />
        <source>Same party: merge</source>
        <translation>同一關係人：合併</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="39" />
        <source>Different parties</source>
        <translation>不同關係人</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="47" />
        <source>The names under which the two parties appeared</source>
        <translation>兩關係人曾使用的名稱</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="48" />
        <source>Split the selected name out</source>
        <translation>將所選名稱分出</translation>
    </message>
    <message>
        <location filename="../../widgets/entity_review.py" line="55" />
        <source>Names of the selected parties:</source>
        <translation>所選關係人的名稱：</translation>
    </message>
</context>
<context>
    <name>EntityReviewFlow</name>
    <message>
        <location filename="../../app/actions/entity_review.py" line="20" />
        <source>Entity review</source>
        <translation>關係人比對審查</translation>
    </message>
</context>
<context>
    <name>EntityUndo</name>
    <message>
        <location filename="../../app/actions/entity_undo.py" line="33" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/entity_undo.py" line="37" />
        <source>Undone: %1</source>
        <translation>已復原：%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/entity_undo.py" line="45" />
        <source>Merge parties %1</source>
        <translation>合併關係人 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/entity_undo.py" line="46" />
        <source>Different parties %1</source>
        <translation>判定不同關係人 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/entity_undo.py" line="47" />
        <source>Split %1 out</source>
        <translation>分拆出 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/entity_undo.py" line="58" />
        <source>Undo the last decision of %1</source>
        <translation>復原 %1 的最後一次比對決定</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../widgets/evidence_view.py" line="23" />
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="23" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="23" />
        <source>Imported</source>
        <translation>匯入時間</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="24" />
        <source>By</source>
        <translation>匯入者</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="24" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="24" />
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="27" />
        <source>Column</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="27" />
        <source>As written</source>
        <translation>原始內容</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="28" />
        <source>Read as</source>
        <translation>判讀為</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="28" />
        <source>Stored</source>
        <translation>儲存值</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="43" />
        <source>Declaration %1 as written</source>
        <translation>報單 %1 原始資料</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/evidence_view.py" line="45" />
        <source>Declaration %1: %n source row(s)</source>
        <translation><numerusform>報單 %1：%n 筆來源資料列</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="54" />
        <source>No source row is recorded for this declaration.</source>
        <translation>此報單沒有來源資料列紀錄。</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_view.py" line="65" />
        <source>This row was imported before rows were kept as written; only the file, sheet and row are known.</source>
        <translation>此列匯入時尚未保存原始內容；僅知檔案、工作表與列號。</translation>
    </message>
</context>
<context>
    <name>GradeDialog</name>
    <message>
        <location filename="../../widgets/case_grades.py" line="46" />
        <source>Grade the source</source>
        <translation>評定來源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_grades.py" line="47" />
        <source>Grade of %1:</source>
        <translation>%1 的評等：</translation>
    </message>
    <message>
        <location filename="../../widgets/case_grades.py" line="55" />
        <source>Now graded %1 (%2).</source>
        <translation>目前評等為 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../app/actions/importing.py" line="68" />
        <source>Import waiting: another program is writing to the case database (%1 s)</source>
        <translation>匯入等候中：另一個程式正在寫入案件資料庫（%1 秒）</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="80" />
        <source>Not imported: %1</source>
        <translation>未匯入：%1</translation>
    </message>
    <message>
        <location filename="../../app/actions/importing.py" line="85" />
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未匯入任何資料。</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../widgets/import_mapping.py" line="46" />
        <source>Check the columns</source>
        <translation>確認欄位</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="56" />
        <source>As it will be stored</source>
        <translation>儲存後的內容</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="57" />
        <source>As written</source>
        <translation>原始內容</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="58" />
        <source>Save as import spec…</source>
        <translation>另存為匯入規格…</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="59" />
        <source>Load import spec…</source>
        <translation>載入匯入規格…</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="67" />
        <source>How reliable the source of these files is and how credible what it gave; recorded with the import and shown in dossiers and bundles</source>
        <translation>這些檔案來源的可靠程度與所提供資訊的可信度；隨匯入記錄，並顯示於卷宗與交換包</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="71" />
        <source>Grade these files as a source (optional):</source>
        <translation>將這些檔案評定為情資來源（選填）：</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="77" />
        <source>First rows:</source>
        <translation>前幾列：</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="110" />
        <source>%1, sheet %2: header found on row %3</source>
        <translation>%1，工作表 %2：欄名位於第 %3 列</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="135" />
        <source>Column</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="135" />
        <source>Field</source>
        <translation>對應欄位</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="136" />
        <source>Unit</source>
        <translation>單位</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="136" />
        <source>Confidence</source>
        <translation>信心度</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="137" />
        <source>Evidence</source>
        <translation>證據</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="147" />
        <source>(ignore)</source>
        <translation>（略過）</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="168" />
        <source>header says “%1”</source>
        <translation>欄名為「%1」</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="170" />
        <source>beside “%1”</source>
        <translation>緊鄰「%1」</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="172" />
        <source>%1% of %2 values fit</source>
        <translation>%2 個值中 %1% 相符</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="175" />
        <source>not imported</source>
        <translation>不匯入</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="183" />
        <source>(not said)</source>
        <translation>（未註明）</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="196" />
        <source>Settle this before importing:</source>
        <translation>匯入前請先處理：</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="206" />
        <source>no column holds the %1</source>
        <translation>沒有欄位是%1</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="207" />
        <source> (perhaps %1)</source>
        <translation>（可能是 %1）</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="209" />
        <source>several columns could hold the %1: %2; choose one</source>
        <translation>有數個欄位可能是%1：%2；請選擇其一</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="211" />
        <source>column %1 names no unit, and its values would be implausible as kilograms: choose its unit</source>
        <translation>%1 欄未註明單位，其數值若以公斤計並不合理：請選擇單位</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="259" />
        <source>Save import spec</source>
        <translation>儲存匯入規格</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="260" />
        <source>Import specs (*.json *.yaml)</source>
        <translation>匯入規格 (*.json *.yaml)</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="267" />
        <source>Load import spec</source>
        <translation>載入匯入規格</translation>
    </message>
    <message>
        <location filename="../../widgets/import_mapping.py" line="268" />
        <source>Import specs (*.json *.yaml *.yml)</source>
        <translation>匯入規格 (*.json *.yaml *.yml)</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../app/actions/import_report.py" line="15" />
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="15" />
        <source>kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="16" />
        <source>sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="16" />
        <source>row</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="17" />
        <source>column</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="17" />
        <source>value</source>
        <translation>原始值</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="18" />
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="20" />
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="20" />
        <source>warning</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="21" />
        <source>discrepancy</source>
        <translation>差異</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="22" />
        <source>imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="23" />
        <source>partly imported</source>
        <translation>部分匯入</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="24" />
        <source>nothing stored</source>
        <translation>未儲存任何資料</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="25" />
        <source>unreadable</source>
        <translation>無法讀取</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="26" />
        <source>not declarations</source>
        <translation>非報單資料</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="27" />
        <source>needs a decision</source>
        <translation>待決定</translation>
    </message>
    <message>
        <location filename="../../app/actions/import_report.py" line="28" />
        <source>failed</source>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="45" />
        <source>Import spreadsheets</source>
        <translation>匯入試算表</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="67" />
        <source>Another program is writing to the case database: waiting for it to finish (%1 s). You can cancel.</source>
        <translation>另一個程式正在寫入案件資料庫：等待其完成（已等候 %1 秒）。您可以取消。</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="81" />
        <source>Building indexes and saving…</source>
        <translation>正在建立索引並儲存…</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="86" />
        <source>Importing…</source>
        <translation>匯入中…</translation>
    </message>
</context>
<context>
    <name>LinkChart</name>
    <message>
        <location filename="../../widgets/link_chart.py" line="309" />
        <source>No path links %1 and %2.</source>
        <translation>%1 與 %2 之間沒有路徑。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/link_chart.py" line="361" />
        <source>%n node(s)</source>
        <translation><numerusform>%n 個節點</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/link_chart.py" line="362" />
        <source>%n link(s)</source>
        <translation><numerusform>%n 條連結</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/link_chart.py" line="364" />
        <source>laying out…</source>
        <translation>配置中…</translation>
    </message>
</context>
<context>
    <name>LinkDetails</name>
    <message>
        <location filename="../../widgets/link_details.py" line="34" />
        <source>Select a node to see its attributes</source>
        <translation>選取節點以檢視其屬性</translation>
    </message>
    <message>
        <location filename="../../widgets/link_details.py" line="66" />
        <source>%1 link(s), %2 t</source>
        <translation>%1 條連結，%2 公噸</translation>
    </message>
    <message>
        <location filename="../../widgets/link_details.py" line="71" />
        <source>Roles: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/link_details.py" line="75" />
        <source>Declared %1 to %2</source>
        <translation>申報期間 %1 至 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/link_details.py" line="78" />
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <location filename="../../widgets/link_details.py" line="80" />
        <source>Heaviest links</source>
        <translation>權重最大的連結</translation>
    </message>
    <message>
        <location filename="../../widgets/link_details.py" line="102" />
        <source>%1 (%2): %3 link(s)</source>
        <translation>%1（%2）：%3 條連結</translation>
    </message>
</context>
<context>
    <name>LinkFilterBar</name>
    <message>
        <location filename="../../widgets/link_filters.py" line="157" />
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/link_filters.py" line="158" />
        <source>Show or hide the parties of each role (shipper, consignee, broker...)</source>
        <translation>顯示或隱藏各角色（出口人、進口人、報關行…）的關係人</translation>
    </message>
    <message>
        <location filename="../../widgets/link_filters.py" line="173" />
        <source>Declared from</source>
        <translation>申報日期自</translation>
    </message>
    <message>
        <location filename="../../widgets/link_filters.py" line="175" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../widgets/link_filters.py" line="164" />
        <source>All dates</source>
        <translation>所有日期</translation>
    </message>
    <message>
        <location filename="../../widgets/link_filters.py" line="165" />
        <source>Show the nodes of every date again</source>
        <translation>重新顯示所有日期的節點</translation>
    </message>
    <message>
        <location filename="../../widgets/link_filters.py" line="185" />
        <source>Show only the nodes with a declaration in these dates</source>
        <translation>只顯示在此期間有報單的節點</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/link_filters.py" line="217" />
        <source>%n node(s) filtered out</source>
        <translation><numerusform>已篩除 %n 個節點</numerusform></translation>
    </message>
</context>
<context>
    <name>LinkMenu</name>
    <message>
        <location filename="../../widgets/link_menu.py" line="37" />
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="38" />
        <source>Expand</source>
        <translation>展開</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="40" />
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="42" />
        <source>Show all %1 neighbours</source>
        <translation>顯示全部 %1 個相鄰節點</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="44" />
        <source>Hide</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="46" />
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="46" />
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="48" />
        <source>Find path to</source>
        <translation>尋找路徑至</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="52" />
        <source>Add to the open case</source>
        <translation>加入目前開啟的案件</translation>
    </message>
    <message>
        <location filename="../../widgets/link_menu.py" line="54" />
        <source>Copy</source>
        <translation>複製</translation>
    </message>
</context>
<context>
    <name>LinkStyle</name>
    <message>
        <location filename="../../widgets/link_style.py" line="55" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="56" />
        <source>Party</source>
        <translation>關係人</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="57" />
        <source>Port</source>
        <translation>港口</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="58" />
        <source>Container</source>
        <translation>貨櫃</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="59" />
        <source>Vessel</source>
        <translation>船名</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="60" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="61" />
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="62" />
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="63" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="64" />
        <source>Sailing</source>
        <translation>航次</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="65" />
        <source>B/L</source>
        <translation>提單</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="73" />
        <source>shipper</source>
        <translation>出口人</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="74" />
        <source>consignee</source>
        <translation>進口人</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="75" />
        <source>broker</source>
        <translation>報關行</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="76" />
        <source>forwarder</source>
        <translation>承攬業</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="77" />
        <source>notify party</source>
        <translation>受通知人</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="78" />
        <source>exporter</source>
        <translation>出口商</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="79" />
        <source>importer</source>
        <translation>進口商</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="80" />
        <source>carrier</source>
        <translation>運送人</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="161" />
        <source>%1 t or more</source>
        <translation>%1 公噸以上</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="163" />
        <source>%1 to %2 t</source>
        <translation>%1 至 %2 公噸</translation>
    </message>
    <message>
        <location filename="../../widgets/link_style.py" line="179" />
        <source>links 2 or more cases</source>
        <translation>連結 2 件以上案件</translation>
    </message>
</context>
<context>
    <name>LinkToolbar</name>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="22" />
        <source>Fit</source>
        <translation>全覽</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="23" />
        <source>Show the whole network</source>
        <translation>顯示整個網絡</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="24" />
        <source>Expand</source>
        <translation>展開</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="25" />
        <source>Add the selected nodes' neighbours</source>
        <translation>加入所選節點的相鄰節點</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="26" />
        <source>Hide</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="27" />
        <source>Hide the selected nodes (Delete)</source>
        <translation>隱藏所選節點（Delete）</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="31" />
        <source>Show all</source>
        <translation>全部顯示</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="32" />
        <source>Show every neighbour an expansion held back (it shows the heaviest first)</source>
        <translation>顯示展開時保留未顯示的所有相鄰節點（展開時先顯示權重最大者）</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="34" />
        <source>Show hidden</source>
        <translation>顯示隱藏節點</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="35" />
        <source>Show the nodes hidden so far again</source>
        <translation>重新顯示先前隱藏的節點</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="36" />
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="37" />
        <source>Pin or unpin the selected nodes: pinned nodes keep their place when the layout runs</source>
        <translation>固定或取消固定所選節點：固定的節點在重新配置時保持原位</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="39" />
        <source>Shortest path</source>
        <translation>最短路徑</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="41" />
        <source>Highlight the shortest path between the two selected nodes (Ctrl+click selects a second)</source>
        <translation>標示兩個所選節點間的最短路徑（Ctrl+點選可選第二個）</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="44" />
        <source>Communities</source>
        <translation>社群</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="46" />
        <source>Colour nodes by community (Louvain)</source>
        <translation>依社群（Louvain）為節點著色</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="49" />
        <source>Colour by tonnes</source>
        <translation>依噸數著色</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="50" />
        <source>Colour nodes by the tonnes on their links, in bands (legend)</source>
        <translation>依節點連結的總噸數分級著色（見圖例）</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="53" />
        <source>Border: links cases</source>
        <translation>外框：跨案連結</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="54" />
        <source>A thick border round the companies and identifiers that link two or more cases (legend)</source>
        <translation>以粗外框標示連結兩件以上案件的公司與識別資料（見圖例）</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="59" />
        <source>Link labels</source>
        <translation>連結標籤</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="61" />
        <source>Label every link with its role or the identifier it shares, and its tonnes (else only the links of the node under the mouse)</source>
        <translation>在每條連結標示其角色或共用的識別資料及公噸數（否則只標示滑鼠所指節點的連結）</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="67" />
        <source>Types</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="68" />
        <source>Show or hide the nodes of each type</source>
        <translation>顯示或隱藏各類型的節點</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="78" />
        <source>at least </source>
        <translation>至少 </translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="79" />
        <source>Hide the nodes whose links carry fewer tonnes (cases stay)</source>
        <translation>隱藏連結總噸數低於此值的節點（案件保留）</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="85" />
        <source>Re-layout</source>
        <translation>重新配置</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="86" />
        <source>Lay the network out again; pinned nodes stay</source>
        <translation>重新配置網絡；已固定的節點不動</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="87" />
        <source>Export image…</source>
        <translation>匯出圖片…</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="88" />
        <source>Save the chart as a PNG or SVG file</source>
        <translation>將圖表存為 PNG 或 SVG 檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="89" />
        <source>Save with case</source>
        <translation>隨案件儲存</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="90" />
        <source>Keep the chart as it is (places, pins, hidden nodes) with the open case</source>
        <translation>將關聯圖現狀（位置、固定點、隱藏節點）隨開啟中的案件保存</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="102" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="103" />
        <source>Size nodes by kind or by centrality</source>
        <translation>依類型或中心性調整節點大小</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="107" />
        <source>Size by kind</source>
        <translation>依類型調整大小</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="108" />
        <source>Size by degree</source>
        <translation>依連結數調整大小</translation>
    </message>
    <message>
        <location filename="../../widgets/link_toolbar.py" line="109" />
        <source>Size by betweenness (estimate)</source>
        <translation>依中介中心性（估計）調整大小</translation>
    </message>
</context>
<context>
    <name>LinkedPanel</name>
    <message>
        <location filename="../../widgets/linked_panel.py" line="25" />
        <source>How many cases away: 2 finds the cases linked to the linked cases</source>
        <translation>關聯層數：2 表示也找出關聯案件的關聯案件</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="27" />
        <source>Weak links too (shared brokers, ports, HS codes)</source>
        <translation>含弱關聯（共用報關行、港口、稅則）</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="30" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="33" />
        <source>Title</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="31" />
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="31" />
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="32" />
        <source>Declared from</source>
        <translation>申報日期自</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="32" />
        <source>Declared to</source>
        <translation>申報日期至</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="31" />
        <location filename="../../widgets/linked_panel.py" line="38" />
        <source>Hops</source>
        <translation>層數</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="31" />
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="32" />
        <source>Through</source>
        <translation>經由</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="30" />
        <source>Shared</source>
        <translation>共用項目</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="30" />
        <source>Held here by</source>
        <translation>本案持有者</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="30" />
        <source>Held there by</source>
        <translation>他案持有者</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="35" />
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../widgets/linked_panel.py" line="59" />
        <source>Looking…</source>
        <translation>查詢中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/linked_panel.py" line="80" />
        <source>%n linked case(s)</source>
        <translation><numerusform>%n 件關聯案件</numerusform></translation>
    </message>
<message><source>party</source><translation>同一關係人</translation></message><message><source>address</source><translation>地址</translation></message><message><source>phone</source><translation>電話</translation></message><message><source>email</source><translation>電子郵件</translation></message><message><source>container</source><translation>貨櫃</translation></message><message><source>sailing</source><translation>同航次</translation></message><message><source>bl</source><translation>提單</translation></message><message><source>port</source><translation>港口</translation></message><message><source>hs</source><translation>稅則</translation></message><message><source>broker</source><translation>報關行</translation></message></context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="58" />
        <source>WasteIntel — %1</source>
        <translation>WasteIntel — %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="65" />
        <location filename="../../app/main_window.py" line="229" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="70" />
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="72" />
        <source>Loading the analyses…</source>
        <translation>分析模組載入中…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="74" />
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="152" />
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="153" />
        <source>&amp;Open database…</source>
        <translation>開啟資料庫(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="154" />
        <source>&amp;New database…</source>
        <translation>新增資料庫(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="155" />
        <source>Connect to &amp;PostgreSQL…</source>
        <translation>連線至 &amp;PostgreSQL…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="156" />
        <source>&amp;Recent databases</source>
        <translation>最近使用的資料庫(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="161" />
        <source>&amp;Import spreadsheets…</source>
        <translation>匯入試算表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="163" />
        <source>&amp;Entity review…</source>
        <translation>關係人比對審查(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="165" />
        <source>Export case &amp;dossier…</source>
        <translation>匯出案件卷宗(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="168" />
        <source>Export &amp;table…</source>
        <translation>匯出表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="171" />
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="175" />
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="178" />
        <source>&amp;Alerts</source>
        <translation>警示(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="179" />
        <source>Compute risk &amp;scores</source>
        <translation>計算風險分數(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="180" />
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="182" />
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="186" />
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="188" />
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="189" />
        <source>&amp;About WasteIntel</source>
        <translation>關於 WasteIntel(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="211" />
        <source>Follow the system</source>
        <translation>依系統設定</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="222" />
        <source>The language changes when WasteIntel next starts.</source>
        <translation>語言將於下次啟動 WasteIntel 時變更。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="233" />
        <source>Opened %1</source>
        <translation>已開啟 %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="278" />
        <source>Could not finish: %1</source>
        <translation>無法完成：%1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="341" />
        <source>About WasteIntel</source>
        <translation>關於 WasteIntel</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="342" />
        <source>&lt;h3&gt;WasteIntel %1&lt;/h3&gt;&lt;p&gt;Analyst workstation for customs investigations of waste smuggling.&lt;/p&gt;&lt;p&gt;Bundled data and libraries: CEPII BACI trade data (Etalab Open Licence 2.0); port gazetteer and sea lanes from searoute (Apache-2.0); Qt and PySide6 (LGPL-3.0); pyqtgraph (MIT); SQLAlchemy (MIT); networkx (BSD-3-Clause); python-calamine (MIT); polars (MIT); rapidfuzz (MIT); reportlab (BSD); pycountry (LGPL-2.1); psycopg (LGPL-3.0) with libpq (PostgreSQL Licence); numpy, scipy (BSD-3-Clause); ruptures, xlsxwriter (BSD-2-Clause); alembic, geopy, PyYAML (MIT); Pillow (MIT-CMU); Python (PSF); Natural Earth 1:110m countries (public domain); WenQuanYi Micro Hei font in dossiers (Apache-2.0 or GPL-3.0 with font exception).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WasteIntel %1&lt;/h3&gt;&lt;p&gt;海關廢棄物走私查緝分析工作站。&lt;/p&gt;&lt;p&gt;內含資料與程式庫：CEPII BACI 貿易資料（Etalab Open Licence 2.0）；searoute 港口與航道資料（Apache-2.0）；Qt 與 PySide6（LGPL-3.0）；pyqtgraph（MIT）；SQLAlchemy（MIT）；networkx（BSD-3-Clause）；python-calamine（MIT）；polars（MIT）；rapidfuzz（MIT）；reportlab（BSD）；pycountry（LGPL-2.1）；psycopg（LGPL-3.0）與 libpq（PostgreSQL 授權）；numpy、scipy（BSD-3-Clause）；ruptures、xlsxwriter（BSD-2-Clause）；alembic、geopy、PyYAML（MIT）；Pillow（MIT-CMU）；Python（PSF）；Natural Earth 1:110m 國界（公有領域）；卷宗字型文泉驛微米黑（Apache-2.0 或 GPL-3.0 含字型例外）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="26" />
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="37" />
        <source>Open case database</source>
        <translation>開啟案件資料庫</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="39" />
        <source>Case databases (*.db *.sqlite)</source>
        <translation>案件資料庫 (*.db *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="48" />
        <source>New case database</source>
        <translation>新增案件資料庫</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="50" />
        <source>Case databases (*.db)</source>
        <translation>案件資料庫 (*.db)</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="59" />
        <source>Connect to PostgreSQL</source>
        <translation>連線至 PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../app/actions/database.py" line="60" />
        <source>Server URL (postgresql://user@host/database):</source>
        <translation>伺服器網址 (postgresql://user@host/database)：</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="18" />
        <location filename="../../app/actions/dossier.py" line="24" />
        <location filename="../../app/actions/dossier.py" line="32" />
        <location filename="../../app/actions/dossier.py" line="50" />
        <source>Case dossier</source>
        <translation>案件卷宗</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="19" />
        <source>Open a case first.</source>
        <translation>請先開啟案件。</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="26" />
        <source>PDF (*.pdf);;Self-contained HTML (*.html)</source>
        <translation>PDF (*.pdf);;獨立 HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="33" />
        <source>Classification banner:</source>
        <translation>機密等級標示：</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="42" />
        <location filename="../../widgets/case_words.py" line="13" />
        <source>en</source>
        <translation>zh-TW</translation>
    </message>
    <message>
        <location filename="../../app/actions/dossier.py" line="42" />
        <source>Dossier written to %1</source>
        <translation>卷宗已寫入 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/tables.py" line="20" />
        <location filename="../../app/actions/tables.py" line="32" />
        <source>Export table</source>
        <translation>匯出表格</translation>
    </message>
    <message>
        <location filename="../../app/actions/tables.py" line="21" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/actions/tables.py" line="28" />
        <source>%1 rows written to %2</source>
        <translation>已寫入 %1 列至 %2</translation>
    </message>
    <message>
        <location filename="../../app/actions/company.py" line="22" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../app/actions/company.py" line="64" />
        <source>The company's last decision was undone</source>
        <translation>已復原此公司上一個決定</translation>
    </message>
    <message>
        <location filename="../../app/actions/search.py" line="19" />
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="26" />
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="27" />
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="29" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="34" />
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="35" />
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="38" />
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="39" />
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="40" />
        <source>&amp;New case…</source>
        <translation>新增案件(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="42" />
        <source>&amp;Edit the open case…</source>
        <translation>編輯開啟中的案件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/actions/menus.py" line="43" />
        <source>&amp;Merge another case into the open case…</source>
        <translation>將另一案件併入開啟中的案件(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>PortLayer</name>
    <message>
        <location filename="../../widgets/route_map_ports.py" line="21" />
        <source>origin</source>
        <translation>起運地</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map_ports.py" line="21" />
        <source>transit</source>
        <translation>轉運</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map_ports.py" line="22" />
        <source>destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map_ports.py" line="25" />
        <source>%1 (%2)
%3
%4 t</source>
        <translation>%1（%2）
%3
%4 公噸</translation>
    </message>
</context>
<context>
    <name>RingCases</name>
    <message>
        <location filename="../../app/actions/rings.py" line="63" />
        <source>%1: %2 of its %3 declarations</source>
        <translation>%1：該集團 %3 筆報單中的 %2 筆</translation>
    </message>
    <message>
        <location filename="../../app/actions/rings.py" line="67" />
        <source>Declarations already in a case</source>
        <translation>報單已屬於案件</translation>
    </message>
    <message>
        <location filename="../../app/actions/rings.py" line="68" />
        <source>Some of this ring's declarations are already in a case:
%1

Add the ring to %2 instead of opening a new case?</source>
        <translation>此集團的部分報單已屬於案件：
%1

是否改將此集團加入 %2，而不另開新案？</translation>
    </message>
    <message>
        <location filename="../../app/actions/rings.py" line="72" />
        <source>Add to %1</source>
        <translation>加入 %1</translation>
    </message>
    <message>
        <location filename="../../app/actions/rings.py" line="74" />
        <source>New case anyway</source>
        <translation>仍要另開新案</translation>
    </message>
    <message>
        <location filename="../../app/actions/rings.py" line="84" />
        <source>split-shipment ring</source>
        <translation>分批申報集團</translation>
    </message>
</context>
<context>
    <name>RingTable</name>
    <message>
        <location filename="../../widgets/ring_table.py" line="37" />
        <source>scatter-gather</source>
        <translation>分散後集中</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="38" />
        <source>fan-in</source>
        <translation>多對一</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="39" />
        <source>fan-out</source>
        <translation>一對多</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="40" />
        <source>stack</source>
        <translation>堆疊</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="45" />
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="46" />
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="47" />
        <source>email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="48" />
        <source>tax id</source>
        <translation>統一編號</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="48" />
        <source>fax</source>
        <translation>傳真</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="69" />
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="70" />
        <source>Typology</source>
        <translation>態樣</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="75" />
        <source>Shippers</source>
        <translation>出口人</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="76" />
        <source>Shared identifiers</source>
        <translation>共用識別資料</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="71" />
        <source>Declarations</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="72" />
        <source>Tonnes</source>
        <translation>公噸</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="77" />
        <source>Ports</source>
        <translation>港口</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="73" />
        <source>First</source>
        <translation>首筆</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="73" />
        <source>Last</source>
        <translation>末筆</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="74" />
        <source>Already in cases</source>
        <translation>已在案件中</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="77" />
        <source>Why</source>
        <translation>關聯原因</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="127" />
        <source>being read…</source>
        <translation>讀取中…</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="130" />
        <source>%1 %2 (%3 shippers)</source>
        <translation>%1 %2（%3 個出口人）</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="147" />
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="146" />
        <source>None of its declarations is in a case</source>
        <translation>其報單皆未列入案件</translation>
    </message>
    <message>
        <location filename="../../widgets/ring_table.py" line="151" />
        <source>%1; %2 of its %3 declarations in no case</source>
        <translation>%1；其 %3 筆報單中有 %2 筆尚未列入案件</translation>
    </message>
</context>
<context>
    <name>RouteChart</name>
    <message>
        <location filename="../../widgets/route_chart.py" line="56" />
        <source>Export image…</source>
        <translation>匯出圖片…</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="60" />
        <source>Share (%)</source>
        <translation>占比 (%)</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="68" />
        <source>Event: drag the line to compare the routes before and after another period</source>
        <translation>事件：拖曳此線以比較另一時點前後的航線</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="75" />
        <source>Click a route to list its declarations</source>
        <translation>點選航線即可列出其報單</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="79" />
        <source>Shares over time</source>
        <translation>比例趨勢</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="80" />
        <source>Heat matrix</source>
        <translation>熱度矩陣</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="84" />
        <source>Route</source>
        <translation>航線</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="84" />
        <source>From</source>
        <translation>起始年度</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="85" />
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="85" />
        <source>After</source>
        <translation>之後</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="121" />
        <location filename="../../widgets/route_chart.py" line="181" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="206" />
        <source>Event: %1 ⇆</source>
        <translation>事件：%1 ⇆</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="177" />
        <source>Biggest risers and fallers around the event</source>
        <translation>事件前後增減最多的航線</translation>
    </message>
    <message>
        <location filename="../../widgets/route_chart.py" line="178" />
        <source>Change points detected in each route's share</source>
        <translation>各航線比例偵測到的轉折點</translation>
    </message>
</context>
<context>
    <name>RouteHeat</name>
    <message>
        <location filename="../../widgets/route_heat.py" line="23" />
        <source>Share of the period's total (%)</source>
        <translation>占當期總量比例 (%)</translation>
    </message>
    <message>
        <location filename="../../widgets/route_heat.py" line="54" />
        <source>%1, %2: %3% of the period's total</source>
        <translation>%1，%2：占該期間總量 %3%</translation>
    </message>
</context>
<context>
    <name>RouteMapView</name>
    <message>
        <location filename="../../widgets/route_map.py" line="95" />
        <source>All periods</source>
        <translation>所有期間</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="96" />
        <source>Step by period</source>
        <translation>逐期檢視</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="97" />
        <source>Before / after an event</source>
        <translation>事件前後</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="104" />
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="206" />
        <source>Before: %1</source>
        <translation>之前：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="207" />
        <source>After: %1</source>
        <translation>之後：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="283" />
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="284" />
        <source>%1 (%2 t)</source>
        <translation>%1（%2 公噸）</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="306" />
        <source>%1 declarations</source>
        <translation>%1 筆報單</translation>
    </message>
    <message>
        <location filename="../../widgets/route_map.py" line="308" />
        <source>%1
%2 t in %3 (%4 t a period), %5 of the tonnage shown
%6 km by sea</source>
        <translation>%1
%3 共 %2 公噸（每期 %4 公噸），占所示噸數 %5
海運 %6 公里</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../widgets/alerts_view.py" line="43" />
        <source>New rule</source>
        <translation>新增規則</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="51" />
        <source>optional: the kind and value</source>
        <translation>選填：預設為類型與值</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="55" />
        <source>Watch</source>
        <translation>監看</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="56" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="57" />
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="71" />
        <source>Party (id or name)</source>
        <translation>關係人（編號或名稱）</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="71" />
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="72" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="72" />
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="73" />
        <source>Tax id</source>
        <translation>統一編號</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="73" />
        <source>Container</source>
        <translation>貨櫃</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="74" />
        <source>Vessel (IMO or name)</source>
        <translation>船舶（IMO 或船名）</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="74" />
        <source>Route</source>
        <translation>航線</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="75" />
        <source>HS code</source>
        <translation>稅則號別</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="75" />
        <source>Detector</source>
        <translation>偵測器</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="83" />
        <source>Export country, transit port and discharge port joined by '&gt;', e.g. GBR&gt;SGSIN&gt;MYPKG, or GBR&gt;MYPKG; '*' for any part.</source>
        <translation>以「&gt;」連接出口國、轉運港與卸貨港，例如 GBR&gt;SGSIN&gt;MYPKG 或 GBR&gt;MYPKG；「*」代表任意。</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="85" />
        <source>An HS code or its first digits, e.g. 3915.</source>
        <translation>稅則號別或其前幾碼，例如 3915。</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="86" />
        <source>Every declaration the detector flags (its risk signal), checked after each import.</source>
        <translation>偵測器標示的每筆報單（其風險訊號），每次匯入後檢查。</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_view.py" line="88" />
        <source>As written in the declarations; it is normalised as the import does.</source>
        <translation>依報單上的寫法；會如匯入時一樣正規化。</translation>
    </message>
</context>
<context>
    <name>SchemaUpgrade</name>
    <message>
        <location filename="../../app/schema_upgrade.py" line="32" />
        <source>Upgrading the case database</source>
        <translation>正在升級案件資料庫</translation>
    </message>
    <message>
        <location filename="../../app/schema_upgrade.py" line="34" />
        <source>This version of WasteIntel stores cases differently, so the case database is upgraded once. A copy of the old file is kept next to it.

%1</source>
        <translation>此版本的 WasteIntel 以不同方式儲存案件，案件資料庫須升級一次。舊檔案的副本會保留在同一資料夾。

%1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../widgets/search_panel.py" line="40" />
        <source>Phone, vessel, IMO, voyage, B/L, container, declaration number, company, address…</source>
        <translation>電話、船名、IMO、航次、提單、貨櫃、報單號碼、公司、地址…</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="46" />
        <source>Found</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="46" />
        <source>Record</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="46" />
        <source>Matched field</source>
        <translation>符合欄位</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="46" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="47" />
        <source>Match</source>
        <translation>符合程度</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="47" />
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="55" />
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="56" />
        <source>Add to case…</source>
        <translation>加入案件…</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="71" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="71" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="72" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="72" />
        <source>Declaration number</source>
        <translation>報單號碼</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="73" />
        <source>B/L</source>
        <translation>提單</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="73" />
        <source>Container</source>
        <translation>貨櫃</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="74" />
        <source>IMO</source>
        <translation>IMO</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="74" />
        <source>Vessel</source>
        <translation>船名</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="75" />
        <source>Voyage</source>
        <translation>航次</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="75" />
        <source>HS code</source>
        <translation>稅則號別</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="76" />
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="76" />
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="76" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="77" />
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="77" />
        <source>Case reference</source>
        <translation>案號</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="78" />
        <source>Title</source>
        <translation>案由</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="78" />
        <source>exact</source>
        <translation>完全相符</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="78" />
        <source>partial</source>
        <translation>部分相符</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="79" />
        <source>near spelling</source>
        <translation>拼寫相近</translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="89" />
        <source>Searching…</source>
        <translation>搜尋中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/search_panel.py" line="105" />
        <source>%n hit(s)</source>
        <translation><numerusform>%n 筆結果</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/search_panel.py" line="111" />
        <source> (only the first ones%1: search more precisely)</source>
        <translation>（僅列出前面的結果%1：請縮小搜尋範圍）</translation>
    </message>
</context>
<context>
    <name>SplitView</name>
    <message>
        <location filename="../../widgets/split_view.py" line="54" />
        <source>Filter the rings: shipper, identifier, port, case…</source>
        <translation>篩選集團：出口人、識別資料、港口、案件…</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="68" />
        <source>Export image…</source>
        <translation>匯出圖片…</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="60" />
        <location filename="../../widgets/split_view.py" line="70" />
        <source>Open as a new case…</source>
        <translation>開立為新案件…</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="71" />
        <source>Add to the open case</source>
        <translation>加入目前開啟的案件</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="64" />
        <location filename="../../widgets/split_view.py" line="76" />
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="62" />
        <source>Add to case…</source>
        <translation>加入案件…</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="77" />
        <source>The ring's parties and declarations on the timeline</source>
        <translation>在時間軸上檢視此集團的關係人與報單</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="82" />
        <source>Gross weight (t)</source>
        <translation>毛重（公噸）</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="83" />
        <source>Declared on</source>
        <translation>申報日期</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="86" />
        <source>Click a declaration to open it</source>
        <translation>點選報單即可開啟</translation>
    </message>
    <message>
        <location filename="../../widgets/split_view.py" line="91" />
        <source>The ring's shippers and consignees, linked by the tonnes between them, and the phones, addresses or e-mails the shippers share</source>
        <translation>此集團的出口人與進口人，以其間公噸數相連，並列出出口人共用的電話、地址或電子郵件</translation>
    </message>
<message><source>{n} declarations in {days} days from {shippers} shippers; {tonnes} t in all</source><translation>{days} 天內 {shippers} 家出口人共 {n} 筆報單；合計 {tonnes} 公噸</translation></message><message><source>{n} declarations in {days} days from {shippers} shippers sharing {ties}; {tonnes} t in all</source><translation>{days} 天內 {shippers} 家出口人共 {n} 筆報單，共用 {ties}；合計 {tonnes} 公噸</translation></message><message><source>{n} declarations in {days} days from one shipper; {tonnes} t in all</source><translation>{days} 天內同一出口人共 {n} 筆報單；合計 {tonnes} 公噸</translation></message><message><source>each {low}-{high}% of {threshold} t</source><translation>每筆為 {threshold} 公噸門檻的 {low}-{high}%</translation></message><message><source>a burst: {ratio}x the group's usual rate</source><translation>短期密集申報：為該集團平常頻率的 {ratio} 倍</translation></message><message><source>spread over {count} discharge ports ({ports})</source><translation>分散於 {count} 個卸貨港（{ports}）</translation></message><message><source>the same goods declared under HS {codes}</source><translation>同一貨物以不同稅則申報：HS {codes}</translation></message><message><source>converging on one consignee: {name}</source><translation>集中於同一進口人：{name}</translation></message><message><source>converging on one notify party: {name}</source><translation>集中於同一受通知人：{name}</translation></message><message><source>converging on one broker: {name}</source><translation>集中於同一報關行：{name}</translation></message><message><source>converging on one discharge port: {name}</source><translation>集中於同一卸貨港：{name}</translation></message><message><source>spread over {count} consignees</source><translation>分散給 {count} 家進口人</translation></message><message><source>{share}% of these parties' declarations fall in this window (short-lived companies)</source><translation>這些業者 {share}% 的報單集中於此期間（短期存在的公司）</translation></message><message><source>{threshold} t is a configured threshold</source><translation>{threshold} 公噸為設定的門檻</translation></message><message><source>weights pile up just under {threshold} t across the whole database</source><translation>整個資料庫的重量集中於 {threshold} 公噸以下</translation></message><message><source>passed through {layers} layers of forwarders ({chain}) within {days} days, weights within {tolerance}%</source><translation>{days} 天內經 {layers} 層轉手（{chain}），重量相差不到 {tolerance}%</translation></message></context>
<context>
    <name>TableMenu</name>
    <message>
        <location filename="../../widgets/table_menu.py" line="65" />
        <source>Copy</source>
        <translation>複製</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../widgets/timeline.py" line="65" />
        <source>Fit</source>
        <translation>全覽</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="66" />
        <source>Export image…</source>
        <translation>匯出圖片…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="76" />
        <source>Scroll to zoom from years to days; click an event</source>
        <translation>捲動滑鼠可由年縮放至日；點選事件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/timeline.py" line="124" />
        <source>%n event(s) of the nodes chosen on the link chart</source>
        <translation><numerusform>關聯圖所選節點的 %n 個事件</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="157" />
        <source>No party</source>
        <translation>無關係人</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="218" />
        <source>container</source>
        <translation>貨櫃</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="218" />
        <source>B/L</source>
        <translation>提單</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="219" />
        <source>sailing</source>
        <translation>同航次</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="219" />
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="220" />
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="220" />
        <source>e-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="221" />
        <source>● declaration (size: tonnes)</source>
        <translation>● 報單（大小：公噸）</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="222" />
        <source>seizure</source>
        <translation>查獲</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="224" />
        <source>declaration and its seizure</source>
        <translation>報單與其查獲</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="225" />
        <source>same %1</source>
        <translation>相同%1</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="231" />
        <source>Seizure</source>
        <translation>查獲</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="231" />
        <source>Declaration</source>
        <translation>報單</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="232" />
        <source>%1 %2 on %3, %4 t</source>
        <translation>%1 %2，%3，%4 公噸</translation>
    </message>
<message><source>shipper</source><translation>出口人</translation></message><message><source>consignee</source><translation>進口人</translation></message><message><source>broker</source><translation>報關行</translation></message><message><source>forwarder</source><translation>承攬業</translation></message><message><source>notify</source><translation>通知人</translation></message></context>
<context>
    <name>WriteWait</name>
    <message>
        <location filename="../../widgets/write_wait.py" line="22" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/write_wait.py" line="23" />
        <source>Stop waiting: your change is not saved</source>
        <translation>停止等候：您的變更不會儲存</translation>
    </message>
    <message>
        <location filename="../../widgets/write_wait.py" line="37" />
        <source>Another program is writing to the case database: waiting for it to finish (%1 s). You can cancel.</source>
        <translation>另一個程式正在寫入案件資料庫：等待其完成（已等候 %1 秒）。您可以取消。</translation>
    </message>
</context>
<context>
    <name>_FilesPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="106" />
        <source>Choose the files</source>
        <translation>選擇檔案</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="107" />
        <source>Spreadsheets from any system: xlsx, xls, ods, csv; English or Chinese headers. You can also drop files on the main window.</source>
        <translation>任何系統匯出的試算表：xlsx、xls、ods、csv；英文或中文欄名皆可。也可將檔案拖放至主視窗。</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="110" />
        <source>Add files…</source>
        <translation>新增檔案…</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="125" />
        <source>Import spreadsheets</source>
        <translation>匯入試算表</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="126" />
        <source>Spreadsheets (%1)</source>
        <translation>試算表 (%1)</translation>
    </message>
</context>
<context>
    <name>_MappingPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="138" />
        <source>Reading %1…</source>
        <translation>讀取 %1 中…</translation>
    </message>
</context>
<context>
    <name>_RunPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="149" />
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="152" />
        <source>Cancel import</source>
        <translation>取消匯入</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="155" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="155" />
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="155" />
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="156" />
        <source>Column</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="156" />
        <source>Value as written</source>
        <translation>原始值</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="157" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="159" />
        <source>Export report…</source>
        <translation>匯出報告…</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="169" />
        <source>Importing…</source>
        <translation>匯入中…</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="182" />
        <source>%1: %2 (nothing written): %3</source>
        <translation>%1：%2（未寫入）：%3</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="186" />
        <source>%1: %2 — %3 rows read, %4 imported, %5 merged, %6 unchanged, %7 refused, %8 warnings, %9 discrepancies</source>
        <translation>%1：%2 — 讀取 %3 列，匯入 %4 筆，合併 %5 筆，未變更 %6 筆，拒收 %7 筆，警示 %8 筆，差異 %9 筆</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="196" />
        <source>%1: graded %2 as a source</source>
        <translation>%1：來源評等為 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="197" />
        <source>%1: not graded: %2</source>
        <translation>%1：未評等：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="200" />
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="202" />
        <source>warning</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="205" />
        <source>discrepancy</source>
        <translation>差異</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="223" />
        <source>imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="223" />
        <source>partly imported</source>
        <translation>部分匯入</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="224" />
        <source>nothing stored</source>
        <translation>未儲存任何資料</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="224" />
        <source>unreadable</source>
        <translation>無法讀取</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="225" />
        <source>not declarations</source>
        <translation>非報單資料</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="226" />
        <source>needs a decision</source>
        <translation>待決定</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="226" />
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="230" />
        <source>Export report</source>
        <translation>匯出報告</translation>
    </message>
    <message>
        <location filename="../../widgets/import_wizard.py" line="231" />
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
</context>
</TS>