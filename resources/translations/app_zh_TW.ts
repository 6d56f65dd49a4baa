<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
    <context>
        <name>AttemptOutcome</name>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="127" />
            <source>running</source>
            <translation>執行中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="128" />
            <source>succeeded</source>
            <translation>成功</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="129" />
            <source>failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="130" />
            <source>interrupted</source>
            <translation>已中斷</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="131" />
            <source>reused an earlier image</source>
            <translation>重用先前的圖片</translation>
        </message>
    </context>
    <context>
        <name>BatchListModel</name>
        <message>
            <location filename="../../desktop/ui/queue/batch_model.py" line="32" />
            <source>Batch %1</source>
            <translation>批次 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_model.py" line="37" />
            <source>%1 of %2 done</source>
            <translation>進度 %1／%2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_model.py" line="39" />
            <source>%1 failed</source>
            <translation>%1 個失敗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_model.py" line="41" />
            <source>paused</source>
            <translation>已暫停</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_model.py" line="43" />
            <source>finished</source>
            <translation>已結束</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_model.py" line="45" />
            <source>ETA %1</source>
            <translation>預計還要 %1</translation>
        </message>
    </context>
    <context>
        <name>BatchPanelView</name>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="137" />
            <source>Whole queue: about %1 left</source>
            <translation>整個佇列：約剩 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="139" />
            <source>Whole queue: nothing waiting</source>
            <translation>整個佇列：沒有等待中的工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="142" />
            <source>Batches</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="143" />
            <source>No active batches. Drop prompt files here, or type prompts below.</source>
            <translation>目前沒有進行中的批次。把提示詞檔案拖放到這裡，或在下方輸入提示詞。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="144" />
            <source>Show all jobs</source>
            <translation>顯示所有工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="145" />
            <source>Clear finished</source>
            <translation>清除已完成</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="146" />
            <source>Pause batch</source>
            <translation>暫停批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="147" />
            <source>Resume batch</source>
            <translation>繼續批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/batch_panel_view.py" line="148" />
            <source>Cancel batch</source>
            <translation>取消批次</translation>
        </message>
    </context>
    <context>
        <name>DetailsDialog</name>
        <message>
            <location filename="../../desktop/ui/widgets/details_dialog.py" line="41" />
            <source>Details</source>
            <translation>詳細資訊</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/details_dialog.py" line="42" />
            <source>Copy</source>
            <translation>複製</translation>
        </message>
    </context>
    <context>
        <name>ErrorKind</name>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="24" />
            <source>Key refused</source>
            <translation>金鑰遭拒</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="25" />
            <source>Rate limited</source>
            <translation>超過速率限制</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="26" />
            <source>Refused by the content filter</source>
            <translation>被內容過濾器拒絕</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="27" />
            <source>Request not accepted</source>
            <translation>請求不被接受</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="28" />
            <source>Out of credits</source>
            <translation>額度已用完</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="29" />
            <source>Temporary failure</source>
            <translation>暫時性失敗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="30" />
            <source>Provider unreachable</source>
            <translation>無法連線到供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="31" />
            <source>Could not save the image</source>
            <translation>無法儲存圖片</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="32" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <location filename="../../desktop/ui/formatting.py" line="21" />
            <source>$</source>
            <translation>US$</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/formatting.py" line="29" />
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/formatting.py" line="32" />
            <source>%1 min %2 s</source>
            <translation>%1 分 %2 秒</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/formatting.py" line="34" />
            <source>%1 h %2 min</source>
            <translation>%1 小時 %2 分</translation>
        </message>
    </context>
    <context>
        <name>HealthStatus</name>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="36" />
            <source>Connected</source>
            <translation>已連線</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="37" />
            <source>The key was refused</source>
            <translation>金鑰遭拒</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="38" />
            <source>No credits left</source>
            <translation>額度已用完</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="39" />
            <source>Cannot reach the server</source>
            <translation>無法連線到伺服器</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="40" />
            <source>Wrong base URL</source>
            <translation>基礎網址錯誤</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="41" />
            <source>No key set</source>
            <translation>尚未設定金鑰</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="42" />
            <source>The check failed</source>
            <translation>檢查失敗</translation>
        </message>
    </context>
    <context>
        <name>JobEditDialog</name>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="112" />
            <source>The prompt is empty.</source>
            <translation>提示詞是空的。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="120" />
            <source>Editing the job</source>
            <translation>編輯工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="125" />
            <source>Edit job %1</source>
            <translation>編輯工作 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="126" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="127" />
            <source>Negative prompt</source>
            <translation>負面提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="128" />
            <source>Seed</source>
            <translation>種子</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="129" />
            <source>Steps</source>
            <translation>步數</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="130" />
            <source>Guidance (CFG)</source>
            <translation>提示詞引導強度（CFG）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="131" />
            <source>Random</source>
            <translation>隨機</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="132" />
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="133" />
            <source>Default</source>
            <translation>預設</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="134" />
            <source>Provider options</source>
            <translation>供應商選項</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="135" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_edit_dialog.py" line="136" />
            <source>Save</source>
            <translation>儲存</translation>
        </message>
    </context>
    <context>
        <name>JobState</name>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="14" />
            <source>Pending</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="15" />
            <source>Running</source>
            <translation>執行中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="16" />
            <source>Succeeded</source>
            <translation>成功</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="17" />
            <source>Failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="18" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="19" />
            <source>Paused</source>
            <translation>已暫停</translation>
        </message>
    </context>
    <context>
        <name>JobTableModel</name>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="39" />
            <source>State</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="40" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="41" />
            <source>Provider</source>
            <translation>供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="42" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="43" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="44" />
            <source>Progress</source>
            <translation>進度</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="45" />
            <source>Attempts</source>
            <translation>嘗試次數</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="46" />
            <source>Cost</source>
            <translation>費用</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="47" />
            <source>Error</source>
            <translation>錯誤</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="288" />
            <source>working…</source>
            <translation>處理中…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="295" />
            <source>≈ %1</source>
            <translation>≈ %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="307" />
            <source>Will retry: %1</source>
            <translation>稍後重試：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="309" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="319" />
            <source>Added %1</source>
            <translation>加入於 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="321" />
            <source>Started %1</source>
            <translation>開始於 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="323" />
            <source>Finished %1</source>
            <translation>結束於 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/job_table_model.py" line="326" />
            <source>Estimated %1</source>
            <translation>預估 %1</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/app.py" line="142" />
            <location filename="../../desktop/ui/main_window.py" line="75" />
            <source>Queue</source>
            <translation>佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="39" />
            <source>Gallery</source>
            <translation>圖庫</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="138" />
            <source>The gallery is not available in this version.</source>
            <translation>這個版本沒有圖庫。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="202" />
            <source>Pausing the queue</source>
            <translation>暫停佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="202" />
            <source>Resuming the queue</source>
            <translation>繼續佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="208" />
            <source>About Batch Image Generator</source>
            <translation>關於批量圖片生成器</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="209" />
            <source>Batch Image Generator %1
Library: %2</source>
            <translation>批量圖片生成器 %1
圖庫資料夾：%2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="215" />
            <source>%1 failed: %2</source>
            <translation>%1失敗：%2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="230" />
            <source>Batch %1</source>
            <translation>批次 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="234" />
            <source>%1 succeeded, %2 failed, %3 cancelled</source>
            <translation>%1 個成功、%2 個失敗、%3 個已取消</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="231" />
            <source>“%1” finished</source>
            <translation>「%1」已完成</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="40" />
            <source>Workflow</source>
            <translation>工作流程</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="42" />
            <source>Analytics</source>
            <translation>分析</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="238" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="242" />
            <source>Batch %1 paused: it reached its budget of %2 (spent %3).</source>
            <translation>批次 %1 已暫停：已達到預算 %2（已花費 %3）。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="248" />
            <source>%1 stopped taking jobs: %2</source>
            <translation>%1 已停止接受工作：%2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="250" />
            <source>Open Settings</source>
            <translation>開啟設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="258" />
            <source>Batch Image Generator</source>
            <translation>批量圖片生成器</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="263" />
            <source>&amp;File</source>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="264" />
            <source>&amp;Queue</source>
            <translation>佇列(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="265" />
            <source>&amp;Help</source>
            <translation>說明(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="266" />
            <source>Settings…</source>
            <translation>設定…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="267" />
            <source>Quit</source>
            <translation>結束</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="268" />
            <source>Pause or resume the queue</source>
            <translation>暫停或繼續佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="269" />
            <source>About</source>
            <translation>關於</translation>
        </message>
    </context>
    <context>
        <name>MessageBanner</name>
        <message>
            <location filename="../../desktop/ui/widgets/banner_view.py" line="96" />
            <source>Details…</source>
            <translation>詳細資訊…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/banner_view.py" line="97" />
            <source>Dismiss</source>
            <translation>關閉</translation>
        </message>
    </context>
    <context>
        <name>OptionFormView</name>
        <message>
            <location filename="../../desktop/ui/widgets/option_form_view.py" line="27" />
            <source>Default</source>
            <translation>預設</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="166" />
            <source>Size: %1</source>
            <translation>尺寸：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="172" />
            <source>Reading and expanding the prompts…</source>
            <translation>正在讀取並展開提示詞…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="180" />
            <source>Reading the prompts</source>
            <translation>讀取提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="191" />
            <source>%1: %2 identical jobs: %3</source>
            <translation>%1：%2 個相同的工作：%3</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="209" />
            <source>Queue %n job(s)</source>
            <translation>
                <numerusform>加入 %n 個工作到佇列</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="211" />
            <source>Jobs (%1)</source>
            <translation>工作（%1）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="212" />
            <source>Cost and time</source>
            <translation>費用與時間</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="213" />
            <source>Duplicates (%1)</source>
            <translation>重複（%1）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="215" />
            <source>Problems (%1)</source>
            <translation>問題（%1）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="219" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n 個工作</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="220" />
            <source>from %n prompt row(s)</source>
            <translation>
                <numerusform>來自 %n 列提示詞</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="223" />
            <source>estimated cost %1</source>
            <translation>預估費用 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="224" />
            <source>estimated cost at least %1</source>
            <translation>預估費用至少 %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="226" />
            <source>%n row(s) with problems left out</source>
            <translation>
                <numerusform>略過 %n 列有問題的資料</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="228" />
            <source>capped at %1 jobs</source>
            <translation>上限 %1 個工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="236" />
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="267" />
            <source>Typed prompts</source>
            <translation>輸入的提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="252" />
            <source>Queueing the jobs</source>
            <translation>把工作加入佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="257" />
            <source>Preview the batch</source>
            <translation>預覽批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="258" />
            <source>Defaults for rows that leave them out</source>
            <translation>資料列未指定時的預設值</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="259" />
            <source>A row's own provider, model or size wins over these.</source>
            <translation>資料列自己指定的供應商、模型或尺寸優先於這些設定。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="260" />
            <source>Images per prompt</source>
            <translation>每個提示詞的圖片數</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="261" />
            <source>Choices like {a|b}</source>
            <translation>{a|b} 這類選項</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="262" />
            <source>Every combination</source>
            <translation>所有組合</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="263" />
            <source>Random picks</source>
            <translation>隨機挑選</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="264" />
            <source>At most (jobs)</source>
            <translation>最多（工作數）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="265" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="266" />
            <source>Name</source>
            <translation>名稱</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="268" />
            <source>Priority</source>
            <translation>優先順序</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="269" />
            <source>Higher runs first</source>
            <translation>數字越大越先執行</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="270" />
            <source>Budget</source>
            <translation>預算</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="271" />
            <source>No limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="272" />
            <source>$</source>
            <translation>US$</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="273" />
            <source>Pause the batch before it would cost more than this</source>
            <translation>費用將超過這個金額前暫停批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="274" />
            <source>Reuse identical earlier images</source>
            <translation>重複使用先前相同的圖片</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="275" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>PreviewJobsModel</name>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="23" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="24" />
            <source>Provider</source>
            <translation>供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="25" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="26" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="27" />
            <source>Seed</source>
            <translation>種子</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="28" />
            <source>From</source>
            <translation>來源</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="82" />
            <source>random</source>
            <translation>隨機</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="89" />
            <source>Negative prompt: %1</source>
            <translation>負面提示詞：%1</translation>
        </message>
    </context>
    <context>
        <name>PromptEditorView</name>
        <message>
            <location filename="../../desktop/ui/queue/prompt_editor_view.py" line="57" />
            <source>Type or paste prompts</source>
            <translation>輸入或貼上提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/prompt_editor_view.py" line="59" />
            <source>One prompt a line. {red|blue} makes a job for each choice, __colors__ picks from a wildcard file, # starts a comment, and a line such as --prompt "a fox" --seed 5 --steps 30 sets parameters.</source>
            <translation>每行一個提示詞。{紅色|藍色} 會為每個選項各建立一個工作，__colors__ 從萬用字元檔挑選，# 開頭是註解，像 --prompt "一隻狐狸" --seed 5 --steps 30 這樣的一行可設定參數。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/prompt_editor_view.py" line="62" />
            <source>Preview and queue…</source>
            <translation>預覽並加入佇列…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/prompt_editor_view.py" line="63" />
            <source>Show the jobs these prompts make (Ctrl+Enter)</source>
            <translation>顯示這些提示詞會建立的工作（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/prompt_editor_view.py" line="64" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
    </context>
    <context>
        <name>ProviderCostModel</name>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="31" />
            <source>Provider</source>
            <translation>供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="32" />
            <source>Jobs</source>
            <translation>工作數</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="33" />
            <source>Estimated cost</source>
            <translation>預估費用</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="34" />
            <source>Estimated time</source>
            <translation>預估時間</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="135" />
            <source>Total</source>
            <translation>合計</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="149" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/preview_models.py" line="152" />
            <source>%1 + unknown for %2 jobs</source>
            <translation>%1，另有 %2 個工作費用未知</translation>
        </message>
    </context>
    <context>
        <name>ProviderFormView</name>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="144" />
            <source>Testing…</source>
            <translation>測試中…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="147" />
            <source>Testing the connection to %1</source>
            <translation>測試與 %1 的連線</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="155" />
            <source>Connected in %1 ms</source>
            <translation>已連線，耗時 %1 毫秒</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="170" />
            <source>Runs on this computer or your network</source>
            <translation>在這台電腦或區域網路上執行</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="171" />
            <source>Cloud service</source>
            <translation>雲端服務</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="172" />
            <source>Use this provider</source>
            <translation>使用這個供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="173" />
            <source>API key</source>
            <translation>API 金鑰</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="174" />
            <source>Base URL</source>
            <translation>基礎網址</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="175" />
            <source>Default model</source>
            <translation>預設模型</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="176" />
            <source>Jobs at once</source>
            <translation>同時執行的工作數</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="177" />
            <source>Requests per minute</source>
            <translation>每分鐘請求數</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="178" />
            <source>Provider's default</source>
            <translation>供應商預設</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="180" />
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="182" />
            <source>Default (%1)</source>
            <translation>預設（%1）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="183" />
            <source>Remove key</source>
            <translation>移除金鑰</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="184" />
            <source>Default options</source>
            <translation>預設選項</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="185" />
            <source>Test connection</source>
            <translation>測試連線</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="187" />
            <source>Optional</source>
            <translation>選填</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="189" />
            <source>The stored key will be removed</source>
            <translation>已儲存的金鑰將被移除</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="191" />
            <source>Stored: %1 (type to replace)</source>
            <translation>已儲存：%1（輸入新金鑰即可取代）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="194" />
            <source>No key stored</source>
            <translation>尚未儲存金鑰</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="196" />
            <source>%1 is set in the environment and is used instead.</source>
            <translation>環境變數 %1 已設定，會改用它。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="199" />
            <source>Kept in the system keyring or an encrypted file, never in settings.</source>
            <translation>金鑰存放在系統鑰匙圈或加密檔案中，不會寫進設定檔。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/provider_form_view.py" line="203" />
            <source>%1 is set in the environment and wins: %2</source>
            <translation>環境變數 %1 已設定並優先使用：%2</translation>
        </message>
    </context>
    <context>
        <name>ProviderModel</name>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="105" />
            <source>Current checkpoint</source>
            <translation>目前載入的模型</translation>
        </message>
    </context>
    <context>
        <name>ProviderOption</name>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="57" />
            <source>Quality</source>
            <translation>品質</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="58" />
            <source>Background</source>
            <translation>背景</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="59" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="60" />
            <source>Compression (jpeg/webp)</source>
            <translation>壓縮率（jpeg/webp）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="61" />
            <source>Moderation</source>
            <translation>內容審核</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="62" />
            <source>Sampler</source>
            <translation>取樣器</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="63" />
            <source>Scheduler</source>
            <translation>排程器</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="64" />
            <source>Hires. fix</source>
            <translation>高解析度修正</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="65" />
            <source>Hires. scale</source>
            <translation>高解析度放大倍率</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="66" />
            <source>Denoising (hires.)</source>
            <translation>去雜訊強度（高解析度）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="67" />
            <source>Restore faces</source>
            <translation>臉部修復</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="68" />
            <source>Tiling</source>
            <translation>無縫拼貼</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="69" />
            <source>Aspect ratio</source>
            <translation>長寬比</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="70" />
            <source>Style preset</source>
            <translation>風格預設</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="71" />
            <source>Aspect ratio (FLUX)</source>
            <translation>長寬比（FLUX）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="72" />
            <source>Go fast (FLUX)</source>
            <translation>快速模式（FLUX）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="73" />
            <source>Megapixels (FLUX)</source>
            <translation>百萬像素（FLUX）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="74" />
            <source>Disable safety checker</source>
            <translation>停用安全檢查</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="75" />
            <source>Content class</source>
            <translation>內容類型</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="76" />
            <source>Style strength</source>
            <translation>風格強度</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="77" />
            <source>Visual intensity</source>
            <translation>視覺強度</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="78" />
            <source>Prompt locale</source>
            <translation>提示詞語系</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="79" />
            <source>Image size</source>
            <translation>圖片大小</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="80" />
            <source>Answer with</source>
            <translation>回應內容</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="81" />
            <source>Temperature</source>
            <translation>溫度</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="82" />
            <source>Safety filter</source>
            <translation>安全過濾</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="83" />
            <source>Preset style</source>
            <translation>預設風格</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="84" />
            <source>Alchemy</source>
            <translation>Alchemy 增強</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="85" />
            <source>Contrast (Phoenix)</source>
            <translation>對比（Phoenix）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="86" />
            <source>Enhance prompt</source>
            <translation>強化提示詞</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="87" />
            <source>Publish to the Leonardo feed</source>
            <translation>發佈到 Leonardo 動態</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="88" />
            <source>Workflow (API format JSON)</source>
            <translation>工作流程（API 格式 JSON）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="93" />
            <source>your own workflow with {prompt} and optionally {negative_prompt}, {seed}, {width}, {height}, {steps}, {cfg}, {checkpoint}</source>
            <translation>您自己的工作流程，需含 {prompt}，可選擇加入 {negative_prompt}、{seed}、{width}、{height}、{steps}、{cfg}、{checkpoint}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="95" />
            <source>e.g. zh-TW or en-US: biases content towards that region</source>
            <translation>例如 zh-TW 或 en-US：讓內容偏向該地區</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="96" />
            <source>Empty: the ratio nearest to the width and height.</source>
            <translation>留空：使用最接近寬高的比例。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="97" />
            <source>Empty: the smallest tier that holds the width and height.</source>
            <translation>留空：使用能容納寬高的最小等級。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="98" />
            <source>Empty: Google's default blocking.</source>
            <translation>留空：使用 Google 預設的封鎖設定。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="99" />
            <source>Diffusers scheduler name; empty: the model's default.</source>
            <translation>Diffusers 排程器名稱；留空：使用模型預設。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="100" />
            <source>empty: the ratio nearest to the chosen size</source>
            <translation>留空：使用最接近所選尺寸的比例</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="101" />
            <source>SD 3.5 models make png or jpeg only.</source>
            <translation>SD 3.5 模型只能輸出 png 或 jpeg。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="109" />
            <source>Default</source>
            <translation>預設</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="110" />
            <source>Automatic</source>
            <translation>自動</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="111" />
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="112" />
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="113" />
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="114" />
            <source>Opaque</source>
            <translation>不透明</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="115" />
            <source>Transparent</source>
            <translation>透明</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="116" />
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="117" />
            <source>Art</source>
            <translation>藝術</translation>
        </message>
    </context>
    <context>
        <name>ProviderPickerView</name>
        <message>
            <location filename="../../desktop/ui/queue/provider_picker_view.py" line="110" />
            <source>Provider</source>
            <translation>供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/provider_picker_view.py" line="111" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/provider_picker_view.py" line="112" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/provider_picker_view.py" line="113" />
            <source>Width × height in pixels, e.g. 1024x1024</source>
            <translation>寬 × 高（像素），例如 1024x1024</translation>
        </message>
    </context>
    <context>
        <name>ProviderStatus</name>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="46" />
            <source>Ready</source>
            <translation>就緒</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="47" />
            <source>Working</source>
            <translation>運作中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="48" />
            <source>Slow or failing</source>
            <translation>緩慢或出錯</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="49" />
            <source>Unreachable</source>
            <translation>無法連線</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="50" />
            <location filename="../../desktop/ui/core_text.py" line="51" />
            <source>Stopped: needs your attention</source>
            <translation>已停止：需要您處理</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/core_text.py" line="52" />
            <source>No key set</source>
            <translation>尚未設定金鑰</translation>
        </message>
    </context>
    <context>
        <name>QueueActions</name>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="57" />
            <source>Pause</source>
            <translation>暫停</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="58" />
            <source>Resume</source>
            <translation>繼續</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="59" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="60" />
            <source>Retry</source>
            <translation>重試</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="61" />
            <source>Move to front</source>
            <translation>移到最前面</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="62" />
            <source>Move to back</source>
            <translation>移到最後面</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="63" />
            <source>Raise priority</source>
            <translation>提高優先順序</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="64" />
            <source>Lower priority</source>
            <translation>降低優先順序</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="65" />
            <source>Set priority…</source>
            <translation>設定優先順序…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="66" />
            <source>Edit…</source>
            <translation>編輯…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="67" />
            <source>Duplicate</source>
            <translation>複製一份</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="68" />
            <source>Show in gallery</source>
            <translation>在圖庫中顯示</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="69" />
            <source>Error and attempts…</source>
            <translation>錯誤與嘗試紀錄…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="72" />
            <source>Keep the selected waiting jobs from starting</source>
            <translation>讓選取的等待中工作先不要開始</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="73" />
            <source>Let the selected paused jobs run again</source>
            <translation>讓選取的已暫停工作再次執行</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="74" />
            <source>Cancel the selected jobs; running ones are stopped</source>
            <translation>取消選取的工作；執行中的會被停止</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="75" />
            <source>Run the selected failed or cancelled jobs again</source>
            <translation>重新執行選取的失敗或已取消工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="76" />
            <source>Change the prompt or parameters of a job that has not run</source>
            <translation>修改尚未執行之工作的提示詞或參數</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="77" />
            <source>Open the image this job made</source>
            <translation>開啟這個工作產生的圖片</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_actions.py" line="78" />
            <source>The full error and every attempt of this job</source>
            <translation>這個工作的完整錯誤與每次嘗試</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <source>Queuing the image again</source>
            <translation>將圖片重新加入佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="66" />
            <source>Pausing batches</source>
            <translation>暫停批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="68" />
            <source>Resuming batches</source>
            <translation>繼續批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="139" />
            <source>Open prompt files</source>
            <translation>開啟提示詞檔案</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="140" />
            <source>Prompt files (%1)</source>
            <translation>提示詞檔案（%1）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="196" />
            <source>Pausing jobs</source>
            <translation>暫停工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="197" />
            <source>Resuming jobs</source>
            <translation>繼續工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="198" />
            <source>Cancelling jobs</source>
            <translation>取消工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="199" />
            <source>Retrying jobs</source>
            <translation>重試工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="200" />
            <source>Duplicating jobs</source>
            <translation>複製工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="206" />
            <location filename="../../desktop/ui/queue/queue_view.py" line="208" />
            <source>Moving jobs</source>
            <translation>移動工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="228" />
            <location filename="../../desktop/ui/queue/queue_view.py" line="245" />
            <source>Changing priority</source>
            <translation>變更優先順序</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="240" />
            <source>Set priority</source>
            <translation>設定優先順序</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/queue_view.py" line="241" />
            <source>Priority for %n job(s) (higher runs first):</source>
            <translation>
                <numerusform>%n 個工作的優先順序（數字越大越先執行）：</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="242" />
            <source>Set</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="243" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="271" />
            <source>Prompt: %1</source>
            <translation>提示詞：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="273" />
            <source>Error: %1</source>
            <translation>錯誤：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="276" />
            <source>Attempts:</source>
            <translation>嘗試紀錄：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="283" />
            <source>Request:</source>
            <translation>請求內容：</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="285" />
            <source>Job %1</source>
            <translation>工作 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="298" />
            <source>Cancelling batches</source>
            <translation>取消批次</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="302" />
            <source>Open prompt files…</source>
            <translation>開啟提示詞檔案…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="303" />
            <source>Open prompt files (txt, csv, tsv, json, jsonl, xlsx); or drop them anywhere on the window</source>
            <translation>開啟提示詞檔案（txt、csv、tsv、json、jsonl、xlsx），或直接拖放到視窗任何地方</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="305" />
            <source>All jobs</source>
            <translation>所有工作</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="305" />
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue/queue_view.py" line="310" />
            <source>Search prompts</source>
            <translation>搜尋提示詞</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="129" />
            <source>Reading provider settings</source>
            <translation>讀取供應商設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="151" />
            <source>Choose the library folder</source>
            <translation>選擇圖庫資料夾</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="185" />
            <source>Saving settings</source>
            <translation>儲存設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="196" />
            <source>Settings were not saved: %1</source>
            <translation>設定未儲存：%1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="201" />
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="202" />
            <source>General</source>
            <translation>一般</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="203" />
            <source>Providers</source>
            <translation>供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="204" />
            <source>Library folder</source>
            <translation>圖庫資料夾</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="205" />
            <source>Language</source>
            <translation>語言</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="206" />
            <source>Theme</source>
            <translation>佈景主題</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="207" />
            <source>Default provider</source>
            <translation>預設供應商</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="208" />
            <source>Browse…</source>
            <translation>瀏覽…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="209" />
            <source>Images and the database live here. A new folder is used the next time the app starts.</source>
            <translation>圖片和資料庫都存放在這裡。更換資料夾會在下次啟動時生效。</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="211" />
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="212" />
            <source>Follow the system</source>
            <translation>跟隨系統</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="212" />
            <source>Light</source>
            <translation>淺色</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="212" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="215" />
            <source>Reading provider settings…</source>
            <translation>正在讀取供應商設定…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="216" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings/settings_dialog.py" line="217" />
            <source>OK</source>
            <translation>確定</translation>
        </message>
    </context>
    <context>
        <name>StatusBarView</name>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="85" />
            <source>Reading provider settings</source>
            <translation>讀取供應商設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="108" />
            <source>No provider set up: open Settings</source>
            <translation>尚未設定任何供應商：請開啟設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="152" />
            <source>Queue run by another program (process %1)</source>
            <translation>佇列由另一個程式執行中（處理程序 %1）</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="155" />
            <source>Queue paused</source>
            <translation>佇列已暫停</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="157" />
            <source>Queue running</source>
            <translation>佇列執行中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="159" />
            <source>Queue idle</source>
            <translation>佇列閒置</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="162" />
            <source>%1 running</source>
            <translation>%1 個執行中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="164" />
            <source>%1 waiting</source>
            <translation>%1 個等待中</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="166" />
            <source>%1 failed</source>
            <translation>%1 個失敗</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="170" />
            <source>ETA %1</source>
            <translation>預計還要 %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="175" />
            <source>Resume queue</source>
            <translation>繼續佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="175" />
            <source>Pause queue</source>
            <translation>暫停佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="185" />
            <source>Sync: %1 of %2</source>
            <translation>同步：%1／%2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="190" />
            <source>Sync: not set up</source>
            <translation>同步：尚未設定</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/status_bar_view.py" line="194" />
            <source>Pause or resume the whole queue (Ctrl+Shift+P)</source>
            <translation>暫停或繼續整個佇列（Ctrl+Shift+P）</translation>
        </message>
    </context>
    <context>
        <name>WindowSession</name>
        <message>
            <source>Checking providers</source>
            <translation>檢查供應商狀態</translation>
        </message>
        <message>
            <source>Running scheduled reports</source>
            <translation>執行排程報表</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="117" />
            <source>Another program (process %1) is running this library's queue. You can add and watch jobs here; they run there.</source>
            <translation>另一個程式（處理程序 %1）正在執行這個圖庫的佇列。您仍可在這裡新增及查看工作，工作會在那邊執行。</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="121" />
            <source>Running the queue</source>
            <translation>執行佇列</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="125" />
            <source>Recovered after an interrupted run: %1 job(s) back in the queue, %2 finished from images already on disk.</source>
            <translation>已從中斷的執行中復原：%1 個工作放回佇列，%2 個以磁碟上已有的圖片完成。</translation>
        </message>
    </context>
</TS>
