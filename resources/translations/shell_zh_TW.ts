<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>BackupTableModel</name>
    <message>
        <location filename="../../desktop/ui/backups/backup_table_model.py" line="22" />
        <source>Made</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backup_table_model.py" line="23" />
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backup_table_model.py" line="24" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backup_table_model.py" line="28" />
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backup_table_model.py" line="29" />
        <source>Made by hand</source>
        <translation>手動建立</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backup_table_model.py" line="30" />
        <source>Before an upgrade</source>
        <translation>升級前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backup_table_model.py" line="31" />
        <source>Before a restore</source>
        <translation>還原前</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="126" />
        <source>Listing the backups</source>
        <translation>列出備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="140" />
        <source>Backed up at %1 (%2).</source>
        <translation>已於 %1 備份（%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="148" />
        <source>Backing up the library</source>
        <translation>備份圖庫</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="162" />
        <source>Saving the backup setting</source>
        <translation>儲存備份設定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="173" />
        <source>Restore this backup?</source>
        <translation>要還原這份備份嗎？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="174" />
        <source>Restore the library database as it was on %1?</source>
        <translation>要把圖庫資料庫還原成 %1 時的狀態嗎？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="177" />
        <source>The window closes and the library opens again with the backup's contents; the queue stops meanwhile. The current state is backed up first ("Before a restore"), so you can undo this by restoring that backup. Images on disk are not changed.</source>
        <translation>視窗會先關閉，再以備份的內容重新開啟圖庫；這段期間佇列會暫停。目前的狀態會先備份起來（「還原前」），之後還原那份備份即可復原。磁碟上的圖片不會變動。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="180" />
        <source>Restore and reopen</source>
        <translation>還原並重新開啟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="192" />
        <source>Delete this backup?</source>
        <translation>要刪除這份備份嗎？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="193" />
        <source>Delete the backup made on %1? It cannot be brought back.</source>
        <translation>要刪除 %1 建立的備份嗎？刪除後無法復原。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="195" />
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="207" />
        <source>Deleting the backup</source>
        <translation>刪除備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="227" />
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="229" />
        <source>Snapshots of the library database (jobs, image records, settings of projects); the images themselves stay in the library folder. Backups are kept in %1.</source>
        <translation>圖庫資料庫的快照（工作、圖片紀錄、專案設定）；圖片本身仍留在圖庫資料夾中。備份存放在 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="232" />
        <source>Back up now</source>
        <translation>立即備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="233" />
        <source>Restore…</source>
        <translation>還原…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="234" />
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="235" />
        <source>Open folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="236" />
        <source>Back up every day while the app runs</source>
        <translation>程式執行時每天備份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="237" />
        <source>Keep the last</source>
        <translation>保留最近</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backups/backups_dialog.py" line="238" />
        <source> daily backups</source>
        <translation> 份每日備份</translation>
    </message>
</context>
<context>
    <name>CloudKeyPage</name>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="261" />
        <source>A cloud provider (optional)</source>
        <translation>雲端供應商（選填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="262" />
        <source>Add the API key of one provider now, or later in Settings.</source>
        <translation>現在加入一個供應商的 API 金鑰，或稍後在「設定」中加入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="263" />
        <source>The key is kept in the system's keychain (or an encrypted file when there is none), never in the library or the settings file.</source>
        <translation>金鑰保存在系統的鑰匙圈中（沒有鑰匙圈時改存於加密檔案），絕不會寫入圖庫或設定檔。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="265" />
        <source>Provider:</source>
        <translation>供應商：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="266" />
        <source>API key:</source>
        <translation>API 金鑰：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="267" />
        <source>Paste the key here, or leave empty</source>
        <translation>在此貼上金鑰，或留空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="268" />
        <source>Show the key</source>
        <translation>顯示金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="271" />
        <source>A key in the environment (%1) is used too, without saving it.</source>
        <translation>環境變數中的金鑰（%1）也會使用，但不會儲存。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="100" />
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="112" />
        <source>Batch Image Generator ran into a problem</source>
        <translation>批量圖片生成器發生問題</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="115" />
        <source>Something went wrong: %1</source>
        <translation>發生錯誤：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="116" />
        <source>%1 problems, the latest: %2</source>
        <translation>共 %1 個問題，最近一個：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="119" />
        <source>The app did not expect this. Your library and queue are safe: jobs that were running go back to the queue the next time the app starts. You can keep working, or quit and start again. Keys and passwords were removed from the details below.</source>
        <translation>這是程式沒有預料到的狀況。你的圖庫和佇列都很安全：執行中的工作會在下次啟動時回到佇列。你可以繼續工作，或結束後重新啟動。下方的詳細資料已移除金鑰和密碼。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="123" />
        <source>Saved to %1</source>
        <translation>已儲存至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="124" />
        <source>The details could not be saved to a file; copy them instead.</source>
        <translation>詳細資料無法存成檔案，請改用複製。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="126" />
        <source>Copy details</source>
        <translation>複製詳細資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="127" />
        <source>Open crash folder</source>
        <translation>開啟當機報告資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="128" />
        <source>Keep working</source>
        <translation>繼續工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash_dialog.py" line="129" />
        <source>Quit</source>
        <translation>結束</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="80" />
        <source>Welcome to Batch Image Generator</source>
        <translation>歡迎使用批量圖片生成器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="81" />
        <source>Three short steps, and every one can be changed later in Settings.</source>
        <translation>只要三個簡短步驟，之後都能在「設定」中修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="83" />
        <source>Batch Image Generator turns prompt files into many images at once, from image servers on this computer or from cloud providers, and keeps every image in a local library.

Next, it looks for image servers running on this computer, lets you add a key for a cloud provider and asks where the library should live. Press Skip to start with the defaults.</source>
        <translation>批量圖片生成器能把提示詞檔案一次生成大量圖片，可使用這台電腦上的圖片伺服器或雲端供應商，並把每張圖片保存在本機圖庫中。

接下來會尋找這台電腦上執行中的圖片伺服器、讓你加入雲端供應商的金鑰，並詢問圖庫要放在哪裡。按「略過」即以預設值開始。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="88" />
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="306" />
        <source>Choose the library folder</source>
        <translation>選擇圖庫資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="313" />
        <source>The library</source>
        <translation>圖庫</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="314" />
        <source>One folder holds the images, their thumbnails, the database and its backups.</source>
        <translation>一個資料夾存放圖片、縮圖、資料庫及其備份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="315" />
        <source>Folder:</source>
        <translation>資料夾：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="316" />
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="317" />
        <source>A folder that already holds a library is opened as it is. Choose a disk with room for many images; a synced cloud folder is not needed, the app syncs to buckets itself.</source>
        <translation>已有圖庫的資料夾會直接開啟。請選擇空間足夠存放大量圖片的磁碟；不需要雲端同步資料夾，程式會自行同步到儲存空間（bucket）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="304" />
        <source>Backups…</source>
        <translation>備份…</translation>
    </message>
    </context>
<context>
    <name>ServersPage</name>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="177" />
        <source>%1: not found</source>
        <translation>%1：未找到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="178" />
        <source>Nothing answers at %1.</source>
        <translation>%1 沒有回應。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="179" />
        <source>Use %1 at %2</source>
        <translation>使用 %2 上的 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="181" />
        <source>Found, but it has no image model: it can still write and improve prompts. (%1)</source>
        <translation>已找到，但沒有圖片模型：仍可用來撰寫和改善提示詞。（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="185" />
        <source>Found, with %1 model(s): %2</source>
        <translation>已找到，共 %1 個模型：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="186" />
        <source>Found.</source>
        <translation>已找到。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="193" />
        <source>Image servers on this computer</source>
        <translation>這台電腦上的圖片伺服器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="194" />
        <source>Ollama, AUTOMATIC1111 / Forge and ComfyUI are found automatically.</source>
        <translation>會自動尋找 Ollama、AUTOMATIC1111 / Forge 和 ComfyUI。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="196" />
        <source>Looking for image servers on this computer…</source>
        <translation>正在尋找這台電腦上的圖片伺服器…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="198" />
        <source>Looking for servers failed: %1</source>
        <translation>尋找伺服器失敗：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="203" />
        <source>Found %1 of %2. Ticked servers are added to your providers.</source>
        <translation>找到 %1 個（共 %2 個）。勾選的伺服器會加入你的供應商。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="206" />
        <source>No image server is running on this computer right now. That is fine: you can use a cloud provider, or start one and add it in Settings.</source>
        <translation>這台電腦上目前沒有執行中的圖片伺服器。沒關係：你可以使用雲端供應商，或啟動伺服器後在「設定」中加入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="216" />
        <source>Look again</source>
        <translation>重新尋找</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/pages.py" line="217" />
        <source>Servers are looked for at their usual addresses (or OLLAMA_HOST, SDWEBUI_BASE_URL and COMFYUI_BASE_URL when set).</source>
        <translation>會在各伺服器的預設位址尋找（若有設定 OLLAMA_HOST、SDWEBUI_BASE_URL 和 COMFYUI_BASE_URL 則使用這些位址）。</translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <location filename="../../desktop/ui/welcome/welcome_wizard.py" line="77" />
        <source>Welcome</source>
        <translation>歡迎</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/welcome_wizard.py" line="78" />
        <source>Skip</source>
        <translation>略過</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/welcome_wizard.py" line="79" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/welcome_wizard.py" line="80" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome/welcome_wizard.py" line="81" />
        <source>Start</source>
        <translation>開始使用</translation>
    </message>
</context>
<context>
    <name>WindowSession</name>
    <message>
        <location filename="../../desktop/app.py" line="293" />
        <source>The backup %1 was not restored: %2</source>
        <translation>備份 %1 沒有還原：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="298" />
        <source>Restored the backup %1. The state before it was kept as %2: restore that backup to undo.</source>
        <translation>已還原備份 %1。還原前的狀態保存為 %2：還原該備份即可復原。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="348" />
        <source>Backing up the library</source>
        <translation>備份圖庫</translation>
    </message>
</context>
</TS>