<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AnalyticsLabels</name>
    <message>
        <location filename="../../desktop/ui/analytics/dashboard_page.py" line="81"/>
        <source>Picks come from the Workflow tab: none recorded in this period.</source>
        <translation>選用紀錄來自「工作流程」分頁：這段期間沒有紀錄。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/kpi_tiles_view.py" line="68"/>
        <source>%1 of the %2 budget</source>
        <translation>已用 %2 預算的 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/kpi_tiles_view.py" line="71"/>
        <source>Over budget: %1</source>
        <translation>超出預算：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="16"/>
        <source>Spend this month</source>
        <translation>本月花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="17"/>
        <source>Spend in the period</source>
        <translation>期間花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="18"/>
        <source>Images made</source>
        <translation>產生圖片數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="19"/>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="20"/>
        <source>Cost per accepted image</source>
        <translation>每張採用圖片成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="21"/>
        <source>Cost per image</source>
        <translation>每張圖片成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="22"/>
        <source>Cache hits</source>
        <translation>快取命中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="23"/>
        <source>Saved by the cache</source>
        <translation>快取省下的金額</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="24"/>
        <source>Waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="25"/>
        <source>Failed calls</source>
        <translation>失敗的呼叫</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="26"/>
        <source>Jobs failed</source>
        <translation>失敗的工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="27"/>
        <source>Call success rate</source>
        <translation>呼叫成功率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="28"/>
        <source>Images accepted</source>
        <translation>採用的圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="33"/>
        <source>Spend in this calendar month against the monthly budget</source>
        <translation>本月（日曆月）的花費與每月預算相比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="34"/>
        <source>Money spent on provider calls (reported or estimated)</source>
        <translation>呼叫供應商的花費（供應商回報或估算）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="35"/>
        <source>Images the providers returned</source>
        <translation>供應商傳回的圖片數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="36"/>
        <source>Jobs that ended with an image, of those that ended</source>
        <translation>已結束的工作中，有產出圖片的比例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="37"/>
        <source>Spend divided by images picked or approved</source>
        <translation>花費除以被選用或核准的圖片數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="38"/>
        <source>Spend divided by images made</source>
        <translation>花費除以產生的圖片數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="39"/>
        <source>Jobs answered from the cache without a provider call</source>
        <translation>直接由快取提供、不必呼叫供應商的工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="40"/>
        <source>What the cache hits would have cost</source>
        <translation>快取命中原本需要的花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="41"/>
        <source>Images still to upload to the sync destinations</source>
        <translation>還要上傳到同步目的地的圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="45"/>
        <source>Spend over time by provider</source>
        <translation>各供應商花費趨勢</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="46"/>
        <source>Images and failures over time</source>
        <translation>圖片與失敗數趨勢</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="47"/>
        <source>Latency per provider (p50 and p95)</source>
        <translation>各供應商延遲（p50 與 p95）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="48"/>
        <source>Success rate per model</source>
        <translation>各模型成功率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="49"/>
        <source>Failures by cause</source>
        <translation>失敗原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="50"/>
        <source>Top prompts by picks</source>
        <translation>最常被選用的提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="51"/>
        <source>Top styles by picks</source>
        <translation>最常被選用的風格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="55"/>
        <source>Usage and cost summary</source>
        <translation>用量與花費摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="56"/>
        <source>Images made, success and spend by provider, model, day and project</source>
        <translation>依供應商、模型、日期與專案列出產圖數、成功率與花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="57"/>
        <source>Provider comparison</source>
        <translation>供應商比較</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="58"/>
        <source>Reliability, latency, throughput, retries and unit cost of each provider</source>
        <translation>各供應商的穩定度、延遲、吞吐量、重試次數與單價</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="59"/>
        <source>Project report</source>
        <translation>專案報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="60"/>
        <source>One project&apos;s images, decisions, brand checks and spend</source>
        <translation>單一專案的圖片、決定、品牌檢查與花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="61"/>
        <source>Batch report</source>
        <translation>批次報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="62"/>
        <source>Contact sheet of one batch with prompts and picks</source>
        <translation>單一批次的縮圖總覽，附提示詞與選用結果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="63"/>
        <source>Failure analysis</source>
        <translation>失敗分析</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="64"/>
        <source>Failed calls and jobs by cause and provider, and the most frequent messages</source>
        <translation>依原因與供應商列出失敗的呼叫與工作，以及最常見的錯誤訊息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="65"/>
        <source>Forecast</source>
        <translation>預測</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="66"/>
        <source>Spend and image volume for the next weeks, with cost-benefit per project</source>
        <translation>未來幾週的花費與產圖量，以及各專案的成本效益</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="67"/>
        <source>Audit extract</source>
        <translation>稽核紀錄摘錄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="68"/>
        <source>The audit log for the period and the batches run</source>
        <translation>這段期間的稽核紀錄與執行過的批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="72"/>
        <source>PDF document</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="73"/>
        <source>XLSX workbook</source>
        <translation>XLSX 試算表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="74"/>
        <source>HTML page</source>
        <translation>HTML 網頁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="75"/>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="76"/>
        <source>JSON data</source>
        <translation>JSON 資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="80"/>
        <source>Brief</source>
        <translation>精簡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="81"/>
        <source>Detailed</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="82"/>
        <source>For the client (no costs)</source>
        <translation>給客戶（不含費用）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="86"/>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="87"/>
        <source>Weekly</source>
        <translation>每週</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="88"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="137"/>
        <source>No data in this period</source>
        <translation>這段期間沒有資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="139"/>
        <source>No monthly budget set</source>
        <translation>尚未設定每月預算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="142"/>
        <source>Needs picks and brand checks from the Workflow tab</source>
        <translation>需要「工作流程」分頁的選用與品牌檢查紀錄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="144"/>
        <source>Needs user profiles</source>
        <translation>需要使用者設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="146"/>
        <source>Needs a sync destination</source>
        <translation>需要同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="147"/>
        <source>Not available in this library</source>
        <translation>這個圖庫沒有這項資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="168"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="170"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="172"/>
        <source>%1 an hour</source>
        <translation>每小時 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="174"/>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="22"/>
        <source>Every %1 at %2</source>
        <translation>每%1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="24"/>
        <source>Monthly on day %1 at %2</source>
        <translation>每月 %1 日 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="25"/>
        <source>Daily at %1</source>
        <translation>每天 %1</translation>
    </message>
</context>
<context>
    <name>AnalyticsView</name>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="83"/>
        <source>Preparing the analytics summaries</source>
        <translation>準備分析摘要資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="105"/>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="105"/>
        <source>Live</source>
        <translation>即時監控</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="105"/>
        <source>Forecast</source>
        <translation>預測</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="105"/>
        <source>Cost-benefit</source>
        <translation>成本效益</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="106"/>
        <source>Reports</source>
        <translation>報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="134"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="148"/>
        <source>Reading the filter choices</source>
        <translation>讀取篩選選項</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="175"/>
        <source>Reading the dashboard</source>
        <translation>讀取儀表板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="179"/>
        <source>Forecasting</source>
        <translation>計算預測</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="183"/>
        <source>Reading cost and value per project</source>
        <translation>讀取各專案的花費與價值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="197"/>
        <source>%1 failed: %2</source>
        <translation>%1失敗：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="235"/>
        <source>Saving your numbers</source>
        <translation>儲存您的數值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="246"/>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="301"/>
        <source>Writing the report</source>
        <translation>產生報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="250"/>
        <source>Reading the report schedules</source>
        <translation>讀取報表排程</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="254"/>
        <source>Report schedules</source>
        <translation>報表排程</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/analytics_view.py" line="257"/>
        <source>Saving the report schedules</source>
        <translation>儲存報表排程</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/analytics/dashboard_page.py" line="62"/>
        <source>Nothing to show for this period and filter.</source>
        <translation>這段期間與篩選條件下沒有資料可以顯示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/dashboard_page.py" line="94"/>
        <source>%1 (p50 %2, p95 %3)</source>
        <translation>%1（p50 %2，p95 %3）</translation>
    </message>
</context>
<context>
    <name>FilterBarView</name>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="96"/>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="97"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="97"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="97"/>
        <source>This quarter</source>
        <translation>本季</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="97"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="98"/>
        <source>Custom dates</source>
        <translation>自訂日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="101"/>
        <source>All projects</source>
        <translation>所有專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="101"/>
        <source>All providers</source>
        <translation>所有供應商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="102"/>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="102"/>
        <source>All batches</source>
        <translation>所有批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="103"/>
        <source>All profiles</source>
        <translation>所有使用者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="109"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="110"/>
        <source>Read the numbers again</source>
        <translation>重新讀取數據</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/filter_bar_view.py" line="195"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="108"/>
        <source>Forecast:</source>
        <translation>預測項目：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="109"/>
        <source>Spend</source>
        <translation>花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="110"/>
        <source>Images made</source>
        <translation>產圖數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="111"/>
        <source>Weeks ahead:</source>
        <translation>預測週數：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="112"/>
        <source>From the 16 weeks before today, under the project, provider, model and batch chosen above.</source>
        <translation>依據今天之前 16 週的資料，並套用上方選擇的專案、供應商、模型與批次。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="114"/>
        <source>How far to trust it</source>
        <translation>可信程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="115"/>
        <source>Week from</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="115"/>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="169"/>
        <source>Forecast</source>
        <translation>預測值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="115"/>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="167"/>
        <source>Likely range</source>
        <translation>可能範圍</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="157"/>
        <source>History</source>
        <translation>歷史資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="180"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="188"/>
        <source>Not enough history to forecast: %1 days with data, %2 needed.</source>
        <translation>歷史資料不足，無法預測：目前有 %1 天的資料，至少需要 %2 天。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="195"/>
        <source>Trend: %1 a week.</source>
        <translation>趨勢：每週 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="196"/>
        <source>Busiest day: %1 (%2 against the week&apos;s average).</source>
        <translation>最忙的一天：%1（比一週平均 %2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="198"/>
        <source>On the last %1 days, held out of the fit, it was off by %2 a day on average.</source>
        <translation>以未納入模型的最近 %1 天驗證，平均每天誤差 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="200"/>
        <source>Repeating the same weekday of the week before would have been off by %1.</source>
        <translation>若直接沿用上週同一天的數字，誤差會是 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="204"/>
        <source>Relative error: %1.</source>
        <translation>相對誤差：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="206"/>
        <source>The model did better than the naive guess.</source>
        <translation>這個模型比單純沿用上週的做法準確。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="207"/>
        <source>The naive guess did better: read this forecast with care.</source>
        <translation>單純沿用上週反而比較準，請謹慎參考這份預測。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/forecast_page.py" line="208"/>
        <source>Method: a straight-line trend plus a day-of-week pattern, fitted to daily totals; the range is where 95% of days fell around the fit.</source>
        <translation>方法：以每日總量擬合直線趨勢加上星期幾的週期變化；可能範圍涵蓋 95% 的日子與擬合值的差距。</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../desktop/ui/analytics/labels.py" line="161"/>
        <location filename="../../desktop/ui/analytics/labels.py" line="184"/>
        <source>$</source>
        <translation>US$</translation>
    </message>
</context>
<context>
    <name>LivePanelView</name>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="126"/>
        <source>Now</source>
        <translation>目前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="127"/>
        <source>Jobs in flight per provider</source>
        <translation>各供應商執行中的工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="128"/>
        <source>Recent errors</source>
        <translation>最近的錯誤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="130"/>
        <source>images a minute, over the last %1 minutes</source>
        <translation>張／分鐘（最近 %1 分鐘的平均吞吐量）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="131"/>
        <source>Waiting in the queue:</source>
        <translation>佇列中等待：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="131"/>
        <source>Queue:</source>
        <translation>佇列：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="132"/>
        <source>CPU (this app):</source>
        <translation>CPU（本程式）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="132"/>
        <source>Memory (this app):</source>
        <translation>記憶體（本程式）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="135"/>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="136"/>
        <source>Provider</source>
        <translation>供應商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="135"/>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="206"/>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="135"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="136"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="136"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="137"/>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="171"/>
        <source>Reading live numbers</source>
        <translation>讀取即時數據</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="186"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="190"/>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="195"/>
        <source>Background task</source>
        <translation>背景工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="203"/>
        <source>No news from the queue yet</source>
        <translation>佇列尚未回報狀態</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="205"/>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/live_panel_view.py" line="206"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>LoadStateView</name>
    <message>
        <location filename="../../desktop/ui/analytics/load_state_view.py" line="36"/>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/load_state_view.py" line="38"/>
        <location filename="../../desktop/ui/analytics/load_state_view.py" line="47"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="177"/>
        <source>Write a report now</source>
        <translation>立即產生報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="178"/>
        <source>Report:</source>
        <translation>報表：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="178"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="178"/>
        <source>Content:</source>
        <translation>內容：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="179"/>
        <source>Covers:</source>
        <translation>範圍：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="179"/>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="187"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="188"/>
        <source>Write report</source>
        <translation>產生報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="189"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="190"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="191"/>
        <source>Show in folder</source>
        <translation>在資料夾中顯示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="192"/>
        <source>Scheduled reports</source>
        <translation>排程報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="193"/>
        <source>Scheduled reports are written while the app is open; a run missed while it was closed is made at the next start.</source>
        <translation>排程報表會在程式開啟時產生；程式關閉期間錯過的排程，會在下次啟動時補做。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="195"/>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="196"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="197"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="198"/>
        <source>Run now</source>
        <translation>立即執行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="199"/>
        <source>Write this schedule&apos;s report now; its next run stays as planned</source>
        <translation>立即產生這個排程的報表；下次排定的執行時間不變</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="242"/>
        <source>Save the report as</source>
        <translation>將報表儲存為</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="310"/>
        <source>Choose a file to write the report to.</source>
        <translation>請選擇報表要存放的檔案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="311"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="312"/>
        <source>Reading the numbers…</source>
        <translation>正在讀取數據…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="313"/>
        <source>Writing the file…</source>
        <translation>正在寫入檔案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="314"/>
        <source>Wrote %1 (%2 KB).</source>
        <translation>已寫入 %1（%2 KB）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="315"/>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：沒有寫入任何檔案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/reports_page.py" line="316"/>
        <source>The report could not be written: %1</source>
        <translation>無法產生報表：%1</translation>
    </message>
</context>
<context>
    <name>RoiPage</name>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="112"/>
        <source>Your numbers</source>
        <translation>您的數值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="113"/>
        <source>Design hours an accepted image saves:</source>
        <translation>每張採用圖片省下的設計時數：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="113"/>
        <source>Hourly rate (US$):</source>
        <translation>時薪（US$）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="114"/>
        <source>Monthly budget (US$):</source>
        <translation>每月預算（US$）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="117"/>
        <source>No budget</source>
        <translation>不設預算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="118"/>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="121"/>
        <source>Value = accepted images (picked or approved in the Workflow tab) × hours saved × hourly rate. Kept in your settings.</source>
        <translation>價值 = 採用圖片數（在「工作流程」分頁選用或核准的圖片）× 省下時數 × 時薪。這些數值會儲存在設定中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="123"/>
        <source>Spend and value per project</source>
        <translation>各專案的花費與價值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="124"/>
        <source>No spend in this period.</source>
        <translation>這段期間沒有花費。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="160"/>
        <source>Spend</source>
        <translation>花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_page.py" line="160"/>
        <source>Value</source>
        <translation>價值</translation>
    </message>
</context>
<context>
    <name>RoiTableModel</name>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="26"/>
        <source>Project</source>
        <translation>專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="26"/>
        <source>Spend</source>
        <translation>花費</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="26"/>
        <source>Images made</source>
        <translation>產生圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="26"/>
        <source>Accepted</source>
        <translation>採用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="27"/>
        <source>Hours saved</source>
        <translation>省下時數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="27"/>
        <source>Value</source>
        <translation>價值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="27"/>
        <source>Net</source>
        <translation>淨效益</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="27"/>
        <source>Return</source>
        <translation>報酬率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="39"/>
        <source>No picks recorded: the value counts every image made</source>
        <translation>沒有選用紀錄：價值以全部產出的圖片計算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/roi_table_model.py" line="45"/>
        <source>(no project)</source>
        <translation>（無專案）</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="70"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="75"/>
        <source>Also upload it to the sync destinations</source>
        <translation>同時上傳到同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="77"/>
        <source>Only the project, provider, model and batch chosen in the tab</source>
        <translation>只包含分頁中選擇的專案、供應商、模型與批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="80"/>
        <source>On</source>
        <translation>啟用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="88"/>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="89"/>
        <source>Report:</source>
        <translation>報表：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="90"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="91"/>
        <source>Content:</source>
        <translation>內容：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="92"/>
        <source>How often:</source>
        <translation>頻率：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="93"/>
        <source>Time:</source>
        <translation>時間：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="94"/>
        <source>Day of the week:</source>
        <translation>星期：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="95"/>
        <source>Day of the month:</source>
        <translation>每月的日期：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="96"/>
        <source>Folder:</source>
        <translation>資料夾：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="103"/>
        <source>Edit report schedule</source>
        <translation>編輯報表排程</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="103"/>
        <source>New report schedule</source>
        <translation>新增報表排程</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_dialog.py" line="131"/>
        <source>Folder for the reports</source>
        <translation>報表存放資料夾</translation>
    </message>
</context>
<context>
    <name>ScheduleListModel</name>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="42"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="42"/>
        <source>Report</source>
        <translation>報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="42"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="42"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="42"/>
        <source>On</source>
        <translation>啟用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="43"/>
        <source>Last run</source>
        <translation>上次執行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="43"/>
        <source>Last file</source>
        <translation>上次產生的檔案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="43"/>
        <source>Last error</source>
        <translation>上次錯誤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analytics/schedule_list_model.py" line="83"/>
        <source>Not yet</source>
        <translation>尚未執行</translation>
    </message>
</context>
</TS>
