<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="8"/>
        <source>Signed in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="9"/>
        <source>Signed out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="10"/>
        <source>Wrong password</source>
        <translation>密碼錯誤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="11"/>
        <source>Locked out after wrong passwords</source>
        <translation>密碼錯誤太多次，暫停登入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="12"/>
        <source>Locked</source>
        <translation>已鎖定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="13"/>
        <source>Unlocked</source>
        <translation>已解鎖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="14"/>
        <source>Profile created</source>
        <translation>建立設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="15"/>
        <source>Profile changed</source>
        <translation>修改設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="16"/>
        <source>Profile deleted</source>
        <translation>刪除設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="17"/>
        <source>Password set</source>
        <translation>設定密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="18"/>
        <source>Password changed</source>
        <translation>變更密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="19"/>
        <source>Password removed</source>
        <translation>移除密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="20"/>
        <source>Password reset</source>
        <translation>重設密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="21"/>
        <source>Key added</source>
        <translation>新增金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="22"/>
        <source>Key changed</source>
        <translation>變更金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="23"/>
        <source>Key removed</source>
        <translation>移除金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="24"/>
        <source>Provider settings changed</source>
        <translation>變更供應商設定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="25"/>
        <source>Batch started</source>
        <translation>開始批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="26"/>
        <source>Jobs cancelled</source>
        <translation>取消工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="27"/>
        <source>Budget exceeded</source>
        <translation>超出預算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="28"/>
        <source>Images deleted</source>
        <translation>刪除圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="29"/>
        <source>Images restored</source>
        <translation>還原圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="30"/>
        <source>Sync destination added</source>
        <translation>新增同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="31"/>
        <source>Sync destination changed</source>
        <translation>變更同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="32"/>
        <source>Sync destination removed</source>
        <translation>移除同步目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="33"/>
        <source>Report exported</source>
        <translation>匯出報表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="34"/>
        <source>Audit log exported</source>
        <translation>匯出稽核紀錄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/action_names.py" line="35"/>
        <source>Backup restored</source>
        <translation>從備份還原</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="123"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="127"/>
        <source>All actions</source>
        <translation>所有動作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="159"/>
        <source>Reading the audit log</source>
        <translation>正在讀取稽核紀錄</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="166"/>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="252"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 筆紀錄</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="172"/>
        <source>Checking the chain…</source>
        <translation>正在檢查紀錄鏈…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="178"/>
        <source>Verifying the audit log</source>
        <translation>正在驗證稽核紀錄</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="200"/>
        <source>The chain is intact: %n entries checked.</source>
        <translation>
            <numerusform>紀錄鏈完整：已檢查 %n 筆紀錄。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="203"/>
        <source>The chain is broken at entry %1. It was changed or removed outside the app.</source>
        <translation>紀錄鏈在第 %1 筆中斷：這筆紀錄在程式之外被修改或刪除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="209"/>
        <source>Export the audit log</source>
        <translation>匯出稽核紀錄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="227"/>
        <source>Exporting the audit log</source>
        <translation>正在匯出稽核紀錄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="231"/>
        <source>Exported to %1</source>
        <translation>已匯出到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="237"/>
        <source>Audit Log</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="238"/>
        <source>Profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="238"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="238"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="241"/>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="242"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="243"/>
        <source>Target or details</source>
        <translation>對象或詳細資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="244"/>
        <source>Verify Chain</source>
        <translation>驗證紀錄鏈</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="245"/>
        <source>Check that no entry was changed or removed</source>
        <translation>檢查是否有紀錄被修改或刪除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="246"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="247"/>
        <source>Export JSON…</source>
        <translation>匯出 JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="248"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/ui/audit/audit_model.py" line="85"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_model.py" line="85"/>
        <source>Profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_model.py" line="85"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_model.py" line="85"/>
        <source>Target</source>
        <translation>對象</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit/audit_model.py" line="85"/>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
</context>
<context>
    <name>LockScreenView</name>
    <message>
        <location filename="../../desktop/ui/profiles/lock_screen_view.py" line="133"/>
        <source>Unlocking</source>
        <translation>正在解鎖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/lock_screen_view.py" line="150"/>
        <source>Locked</source>
        <translation>已鎖定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/lock_screen_view.py" line="152"/>
        <source>“%1” is locked. Enter the password to continue.</source>
        <translation>「%1」已鎖定，請輸入密碼繼續。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/lock_screen_view.py" line="153"/>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/lock_screen_view.py" line="155"/>
        <source>Sign in as “%1”.</source>
        <translation>以「%1」登入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/lock_screen_view.py" line="156"/>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/lock_screen_view.py" line="157"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/profiles/password_dialog.py" line="62"/>
        <location filename="../../desktop/ui/profiles/password_dialog.py" line="64"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/password_dialog.py" line="63"/>
        <source>Enter the password of “%1”.</source>
        <translation>請輸入「%1」的密碼。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/password_dialog.py" line="70"/>
        <source>Checking the password</source>
        <translation>正在檢查密碼</translation>
    </message>
</context>
<context>
    <name>ProfileEditorDialog</name>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="168"/>
        <source>Same as the app setting</source>
        <translation>與應用程式設定相同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="170"/>
        <source>System</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="170"/>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="171"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="176"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="243"/>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="357"/>
        <source>Avatar colour</source>
        <translation>頭像顏色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="289"/>
        <source>Saving the profile</source>
        <translation>正在儲存設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="292"/>
        <source>New profile</source>
        <translation>新增設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="292"/>
        <source>Name of the new profile:</source>
        <translation>新設定檔的名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="294"/>
        <source>Creating the profile</source>
        <translation>正在建立設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="302"/>
        <source>Delete profile</source>
        <translation>刪除設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="303"/>
        <source>Delete the profile “%1”? Its batches and images stay in the library.</source>
        <translation>要刪除設定檔「%1」嗎？它的批次和圖片會留在圖庫中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="305"/>
        <source>Deleting the profile</source>
        <translation>正在刪除設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="310"/>
        <source>A password needs at least %1 characters.</source>
        <translation>密碼至少需要 %1 個字元。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="313"/>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="327"/>
        <source>Saving the password</source>
        <translation>正在儲存密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="335"/>
        <source>Removing the password</source>
        <translation>正在移除密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="344"/>
        <source>Reset password</source>
        <translation>重設密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="345"/>
        <source>Reset the password of “%1”? The keys saved in that profile are deleted with the old password and must be entered again.</source>
        <translation>要重設「%1」的密碼嗎？存在這個設定檔裡的金鑰會隨舊密碼一起刪除，之後需要重新輸入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="348"/>
        <source>Resetting the password</source>
        <translation>正在重設密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="353"/>
        <source>Profiles</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="354"/>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="355"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="356"/>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="357"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="357"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="357"/>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="358"/>
        <source>Default provider</source>
        <translation>預設供應商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="358"/>
        <source>Default model</source>
        <translation>預設模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="358"/>
        <source>Default size</source>
        <translation>預設尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="359"/>
        <source>Default project</source>
        <translation>預設專案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="359"/>
        <source>Monthly budget alert</source>
        <translation>每月預算提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="359"/>
        <source>Lock after idle</source>
        <translation>閒置後鎖定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="362"/>
        <source>The provider&apos;s default</source>
        <translation>供應商的預設值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="363"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="365"/>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="366"/>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="367"/>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="368"/>
        <source>Only a profile with a password can lock</source>
        <translation>只有設了密碼的設定檔才能鎖定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="369"/>
        <source>Admin (may reset other profiles&apos; passwords)</source>
        <translation>管理員（可以重設其他設定檔的密碼）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="370"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="371"/>
        <source>Current password</source>
        <translation>目前的密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="372"/>
        <source>New password</source>
        <translation>新密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="373"/>
        <source>New password again</source>
        <translation>再輸入一次新密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="376"/>
        <source>Protected by a password. Its keys are encrypted with it.</source>
        <translation>已設密碼保護，這個設定檔的金鑰以密碼加密。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="377"/>
        <source>No password: anyone at this computer can use this profile.</source>
        <translation>沒有密碼：任何使用這台電腦的人都能使用這個設定檔。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="378"/>
        <source>Change Password</source>
        <translation>變更密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="378"/>
        <source>Set Password</source>
        <translation>設定密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="379"/>
        <source>Remove Password</source>
        <translation>移除密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="380"/>
        <source>Reset Password</source>
        <translation>重設密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_editor_dialog.py" line="382"/>
        <source>Forgot a password? An admin profile can reset it here; without an admin, run “main.py profile reset-password NAME”. A reset deletes the keys saved in that profile.</source>
        <translation>忘記密碼了嗎？管理員設定檔可以在這裡重設；沒有管理員時，請執行「main.py profile reset-password 名稱」。重設會刪除存在該設定檔裡的金鑰。</translation>
    </message>
</context>
<context>
    <name>ProfileErrors</name>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="13"/>
        <source>Only an unlocked admin profile can do this.</source>
        <translation>只有已解鎖的管理員設定檔可以這麼做。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="14"/>
        <source>This profile has a password: only the profile itself or an admin can change it.</source>
        <translation>這個設定檔有密碼：只有它本身或管理員可以修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="16"/>
        <source>This is the current profile. Switch to another profile first.</source>
        <translation>這是目前的設定檔，請先切換到其他設定檔。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="17"/>
        <source>The last profile cannot be deleted.</source>
        <translation>不能刪除最後一個設定檔。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="18"/>
        <source>This is the only admin profile. Make another profile an admin first.</source>
        <translation>這是唯一的管理員設定檔，請先把其他設定檔設為管理員。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="20"/>
        <source>This is not allowed for the current profile.</source>
        <translation>目前的設定檔不能這麼做。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="25"/>
        <source>Wrong password. %1 tries left before a pause.</source>
        <translation>密碼錯誤。再錯 %1 次就會暫停登入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="27"/>
        <source>Too many wrong passwords. Try again in %1 seconds.</source>
        <translation>密碼錯誤太多次，請在 %1 秒後再試。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="30"/>
        <source>This profile has a password. Enter it to continue.</source>
        <translation>這個設定檔有密碼，請輸入密碼繼續。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="32"/>
        <source>A profile named “%1” already exists.</source>
        <translation>已經有名為「%1」的設定檔。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="34"/>
        <source>There is no profile named “%1”.</source>
        <translation>沒有名為「%1」的設定檔。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="38"/>
        <source>Please check this value: %1</source>
        <translation>請檢查這個值：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/errors_text.py" line="40"/>
        <source>The profile&apos;s keys could not be opened: %1</source>
        <translation>無法開啟設定檔的金鑰：%1</translation>
    </message>
</context>
<context>
    <name>ProfileMenu</name>
    <message>
        <location filename="../../desktop/ui/profiles/profile_menu.py" line="67"/>
        <source>&amp;Profile</source>
        <translation>設定檔(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_menu.py" line="68"/>
        <source>Lock Now</source>
        <translation>立即鎖定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_menu.py" line="69"/>
        <source>Lock the window until the profile&apos;s password is entered</source>
        <translation>鎖定視窗，直到輸入設定檔的密碼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_menu.py" line="70"/>
        <source>Edit Profiles…</source>
        <translation>編輯設定檔…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profile_menu.py" line="71"/>
        <source>Audit Log…</source>
        <translation>稽核紀錄…</translation>
    </message>
</context>
<context>
    <name>ProfileNames</name>
    <message>
        <location filename="../../desktop/ui/profiles/names.py" line="13"/>
        <source>Default</source>
        <translation>預設</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcherView</name>
    <message>
        <location filename="../../desktop/ui/profiles/profile_switcher_view.py" line="45"/>
        <source>Working as “%1”. Click to switch profiles or lock.</source>
        <translation>目前以「%1」工作。按一下可切換設定檔或鎖定。</translation>
    </message>
</context>
<context>
    <name>ProfilesController</name>
    <message>
        <location filename="../../desktop/ui/profiles/profiles_controller.py" line="100"/>
        <source>“%1” has spent %2 this month, over the monthly budget of %3.</source>
        <translation>「%1」本月已花費 %2，超過每月預算 %3。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/profiles/profiles_controller.py" line="129"/>
        <source>Switching profiles</source>
        <translation>正在切換設定檔</translation>
    </message>
</context>
</TS>
